import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ValidationError } from '@capstone/platform/http';
import { PasswordHasher } from '../accounts/password-hasher';
import { passwordProblems } from '../accounts/password-policy';
import type { User } from '../accounts/user';
import { UserRepository } from '../accounts/user-repository';
import { ActionLinks, unusableLink } from '../action-tokens/action-links';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { AccountMailer } from '../mail/account-mailer';
import { LoginLockout } from '../protection/login-lockout';
import { RevocationReason } from '../sessions/session';
import { SessionRevocation } from '../sessions/session-revocation';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';

export const RESET_LINK_LIFETIME_SECONDS = 30 * 60;

/** "Forgot password": a single-use emailed link that sets a new password and ends every session. */
@Injectable()
export class PasswordReset {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly links: ActionLinks,
    private readonly mailer: AccountMailer,
    private readonly revocation: SessionRevocation,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Emails a link when the account exists and is enabled; the caller learns nothing either way. */
  async request(email: string, client: ClientContext): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt) return;
    const link = await this.links.issue(user.id, 'password_reset', RESET_LINK_LIFETIME_SECONDS);
    await this.audit.record({
      type: AuditEventType.PasswordResetRequested,
      userId: user.id,
      client,
    });
    await this.mailer.sendPasswordReset(user, link);
  }

  async reset(token: string, newPassword: string, client: ClientContext): Promise<void> {
    // Checked and hashed before the transaction opens: argon2 must not hold a pooled connection.
    const owner = await this.linkOwner(token);
    // Refused before the link is redeemed, so a rejected password leaves the link unused.
    const problems = passwordProblems(newPassword, owner, 'password');
    if (problems.length > 0) throw new ValidationError(problems);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.transactions.withTransaction(async () => {
      // Redeemed in the transaction: of two confirmations racing with one link, one changes the password.
      if ((await this.links.redeem(token, 'password_reset')) !== owner.id) throw unusableLink();
      await this.users.updatePasswordHash(owner.id, passwordHash, this.clock.now());
      // Whoever forced the reset may hold a session: none survives it.
      await this.revocation.revokeAllForUser(owner.id, RevocationReason.PasswordReset, { client });
      await this.audit.record({ type: AuditEventType.PasswordReset, userId: owner.id, client });
    });
    await this.lockout.recordSuccess(owner.email);
    await this.mailer.sendPasswordChanged(owner, this.clock.now());
  }

  private async linkOwner(token: string): Promise<User> {
    const userId = await this.links.ownerOf(token, 'password_reset');
    const owner = userId && (await this.users.findById(userId));
    if (!owner || owner.disabledAt) throw unusableLink();
    return owner;
  }
}
