import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { UserEmailVerified } from '@capstone/contracts';
import { Outbox } from '@capstone/platform/events';
import type { User } from '../accounts/user';
import { UserRepository } from '../accounts/user-repository';
import { ActionLinks, unusableLink } from '../action-tokens/action-links';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { AccountMailer } from '../mail/account-mailer';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { EVENT_SOURCE } from '../shared/event-source';

export const VERIFICATION_LINK_LIFETIME_SECONDS = 24 * 60 * 60;

/** Proves a user owns their email address through a single-use emailed link. */
@Injectable()
export class EmailVerification {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly users: UserRepository,
    private readonly links: ActionLinks,
    private readonly mailer: AccountMailer,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Stores the link (in the ambient transaction, with its account); returns how to send it once committed. */
  async prepareLink(user: User): Promise<() => Promise<void>> {
    const link = await this.links.issue(
      user.id,
      'email_verification',
      VERIFICATION_LINK_LIFETIME_SECONDS,
    );
    return () => this.mailer.sendEmailVerification(user, link);
  }

  /** Sends a new link, unless the address is already verified. */
  async resend(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || user.emailVerifiedAt) return;
    const send = await this.prepareLink(user);
    await send();
  }

  async verify(token: string, client: ClientContext): Promise<User> {
    return this.transactions.withTransaction(async () => {
      const userId = await this.links.redeem(token, 'email_verification');
      if (!userId) throw unusableLink();
      const user = await this.users.markEmailVerified(userId, this.clock.now());
      await this.outbox.record(
        UserEmailVerified.create({
          source: EVENT_SOURCE,
          subject: user.id,
          data: { userId: user.id, username: user.username, email: user.email },
        }),
      );
      await this.audit.record({ type: AuditEventType.EmailVerified, userId: user.id, client });
      return user;
    });
  }
}
