import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { NotFoundError, ValidationError } from '@capstone/platform/http';
import { PasswordHasher } from '../accounts/password-hasher';
import { type PasswordPolicy, passwordProblems } from '../accounts/password-policy';
import { UserRepository } from '../accounts/user-repository';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { AccountMailer } from '../mail/account-mailer';
import { RevocationReason } from '../sessions/session';
import { SessionRevocation } from '../sessions/session-revocation';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';

export interface PasswordChangeRequest {
  userId: string;
  /** The session asking; it stays open when the others are ended. */
  sessionId?: string;
  /** Required by the native API; the RealWorld contract has no field for it (see ProfileUpdate). */
  currentPassword: string | null;
  newPassword: string;
  endOtherSessions: boolean;
  /** The full policy unless the API's contract fixes another (RealWorld: ADR 0007). */
  passwordPolicy?: PasswordPolicy;
}

/** A signed-in user sets a new password, optionally signing out every other device. */
@Injectable()
export class PasswordChange {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly revocation: SessionRevocation,
    private readonly mailer: AccountMailer,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async change(request: PasswordChangeRequest, client: ClientContext): Promise<void> {
    const user = await this.users.findById(request.userId);
    if (!user)
      throw new NotFoundError('This account no longer exists', { code: 'account_not_found' });
    if (
      request.currentPassword !== null &&
      !(await this.passwords.verify(user.passwordHash, request.currentPassword))
    ) {
      throw new ValidationError(
        [{ field: 'currentPassword', code: 'incorrect', message: 'is incorrect' }],
        'The current password is incorrect',
      );
    }
    const problems = passwordProblems(
      request.newPassword,
      user,
      'newPassword',
      request.passwordPolicy,
    );
    if (problems.length > 0) throw new ValidationError(problems);
    const passwordHash = await this.passwords.hash(request.newPassword);
    const changedAt = this.clock.now();
    await this.transactions.withTransaction(async () => {
      await this.users.updatePasswordHash(user.id, passwordHash, changedAt);
      const ended = request.endOtherSessions
        ? await this.revocation.revokeAllForUser(user.id, RevocationReason.PasswordChanged, {
            exceptSessionId: request.sessionId,
            client,
          })
        : 0;
      await this.audit.record({
        type: AuditEventType.PasswordChanged,
        userId: user.id,
        client,
        details: { endedSessions: ended },
      });
    });
    // The owner hears of it even if it was not them: their chance to reset the password.
    await this.mailer.sendPasswordChanged(user, changedAt);
  }
}
