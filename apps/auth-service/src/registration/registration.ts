import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { UserRegistered } from '@capstone/contracts';
import { Outbox } from '@capstone/platform/events';
import { ValidationError } from '@capstone/platform/http';
import { v7 as uuidv7 } from 'uuid';
import { alreadyTaken } from '../accounts/already-taken';
import { PasswordHasher } from '../accounts/password-hasher';
import { PasswordPolicy, passwordProblems } from '../accounts/password-policy';
import { publicProfileOf, type User } from '../accounts/user';
import { AccountFieldTaken, UserRepository } from '../accounts/user-repository';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { EmailVerification } from '../email-verification/email-verification';
import { PasswordReset } from '../password-reset/password-reset';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { EVENT_SOURCE } from '../shared/event-source';

export interface NewAccount {
  email: string;
  username: string;
  password: string;
}

export type RegistrationOutcome =
  | { kind: 'registered'; user: User }
  /** Told as is only where the API contract demands it (RealWorld); see registerPrivately. */
  | { kind: 'taken'; fields: ('email' | 'username')[] };

/** Opens an account, announces it on `auth.users` and emails a verification link. */
@Injectable()
export class Registration {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly verification: EmailVerification,
    private readonly passwordReset: PasswordReset,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * For APIs that must not reveal who has an account: a taken email is answered as a new one,
   * and its owner is emailed a password-reset link (they may have forgotten they registered).
   * Usernames are public, so a taken one is still a conflict.
   */
  async registerPrivately(account: NewAccount, client: ClientContext): Promise<void> {
    const outcome = await this.register(account, client);
    if (outcome.kind === 'registered') return;
    if (outcome.fields.includes('username')) throw alreadyTaken(['username']);
    await this.passwordReset.request(account.email, client);
  }

  async register(
    account: NewAccount,
    client: ClientContext,
    policy = PasswordPolicy.Full,
  ): Promise<RegistrationOutcome> {
    const problems = passwordProblems(account.password, account, 'password', policy);
    if (problems.length > 0) throw new ValidationError(problems);
    // Hashed before the uniqueness check, so a taken email is answered no faster than a new one.
    const passwordHash = await this.passwords.hash(account.password);
    const taken = await this.users.takenFields(account);
    if (taken.length > 0) return { kind: 'taken', fields: taken };
    try {
      const { user, sendLink } = await this.transactions.withTransaction(async () => {
        const created = await this.users.create({
          id: uuidv7(),
          email: account.email,
          username: account.username,
          passwordHash,
          createdAt: this.clock.now(),
        });
        await this.outbox.record(
          UserRegistered.create({
            source: EVENT_SOURCE,
            subject: created.id,
            data: { ...publicProfileOf(created), roles: created.roles, emailVerified: false },
          }),
        );
        await this.audit.record({ type: AuditEventType.Registered, userId: created.id, client });
        return { user: created, sendLink: await this.verification.prepareLink(created) };
      });
      await sendLink();
      return { kind: 'registered', user };
    } catch (error) {
      // Lost a race for the email or username to a concurrent registration.
      if (error instanceof AccountFieldTaken) return { kind: 'taken', fields: error.fields };
      throw error;
    }
  }
}
