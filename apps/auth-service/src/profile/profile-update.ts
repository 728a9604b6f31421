import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { UserProfileUpdated } from '@capstone/contracts';
import { Outbox } from '@capstone/platform/events';
import { NotFoundError } from '@capstone/platform/http';
import { alreadyTaken } from '../accounts/already-taken';
import { publicProfileOf, uniquenessKey, type User } from '../accounts/user';
import {
  AccountFieldTaken,
  UserRepository,
  type ProfileChanges,
} from '../accounts/user-repository';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { EmailVerification } from '../email-verification/email-verification';
import type { ClientContext } from '../shared/client-context';
import { EVENT_SOURCE } from '../shared/event-source';

/** Reads and changes what a user shows of themselves; announces changes on `auth.users`. */
@Injectable()
export class ProfileUpdate {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly users: UserRepository,
    private readonly verification: EmailVerification,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async read(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user)
      throw new NotFoundError('This account no longer exists', { code: 'account_not_found' });
    return user;
  }

  async update(userId: string, requested: ProfileChanges, client: ClientContext): Promise<User> {
    const current = await this.read(userId);
    const changes = onlyChanged(current, requested);
    if (Object.keys(changes).length === 0) return current;
    const taken = await this.users.takenFields(changes, userId);
    if (taken.length > 0) throw alreadyTaken(taken);
    const emailChanged =
      changes.email !== undefined && uniquenessKey(changes.email) !== uniquenessKey(current.email);
    try {
      const { user, sendLink } = await this.transactions.withTransaction(async () => {
        // A new address is unproven until its own link is followed.
        const updated = await this.users.updateProfile(
          userId,
          emailChanged ? { ...changes, emailVerifiedAt: null } : changes,
        );
        await this.outbox.record(
          UserProfileUpdated.create({
            source: EVENT_SOURCE,
            subject: userId,
            data: publicProfileOf(updated),
          }),
        );
        await this.audit.record({
          type: AuditEventType.ProfileUpdated,
          userId,
          client,
          details: { fields: Object.keys(changes) },
        });
        return {
          user: updated,
          sendLink: emailChanged ? await this.verification.prepareLink(updated) : undefined,
        };
      });
      await sendLink?.();
      return user;
    } catch (error) {
      if (error instanceof AccountFieldTaken) throw alreadyTaken(error.fields);
      throw error;
    }
  }
}

function onlyChanged(current: User, requested: ProfileChanges): ProfileChanges {
  return Object.fromEntries(
    Object.entries(requested).filter(
      ([field, value]) => value !== undefined && current[field as keyof ProfileChanges] !== value,
    ),
  );
}
