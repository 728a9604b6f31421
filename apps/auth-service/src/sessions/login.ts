import { Injectable } from '@nestjs/common';
import { ForbiddenError, UnauthorizedError } from '@capstone/platform/http';
import { PasswordHasher } from '../accounts/password-hasher';
import type { User } from '../accounts/user';
import { UserRepository } from '../accounts/user-repository';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { LoginLockout } from '../protection/login-lockout';
import type { ClientContext } from '../shared/client-context';
import { SessionStarter, type SessionTokens } from './session-starter';

export interface Credentials {
  email: string;
  password: string;
}

export interface SignedIn {
  user: User;
  tokens: SessionTokens;
}

/** One message for an unknown email and a wrong password, so a login reveals no accounts. */
export const invalidCredentials = () =>
  new UnauthorizedError('Email or password is invalid', { code: 'invalid_credentials' });

/** Email and password in, a new session out. */
@Injectable()
export class Login {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionStarter,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditLog,
  ) {}

  async login({ email, password }: Credentials, client: ClientContext): Promise<SignedIn> {
    const user = await this.users.findByEmail(email);
    // Unknown emails pay for a hash check too: the response time must not reveal the account.
    const matches = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyNobody(password);
    if (!user || !matches) {
      await this.lockout.recordFailure(email);
      await this.audit.record({
        type: AuditEventType.LoginFailed,
        userId: user?.id,
        client,
        details: { reason: user ? 'wrong_password' : 'unknown_email' },
      });
      throw invalidCredentials();
    }
    // Told only to someone who knows the password, so it reveals nothing to a guesser.
    if (user.disabledAt) {
      await this.audit.record({
        type: AuditEventType.LoginFailed,
        userId: user.id,
        client,
        details: { reason: 'disabled' },
      });
      throw new ForbiddenError('This account is disabled', { code: 'account_disabled' });
    }
    await this.lockout.recordSuccess(email);
    if (this.passwords.needsRehash(user.passwordHash)) {
      await this.users.updatePasswordHash(user.id, await this.passwords.hash(password), null);
    }
    const tokens = await this.sessions.start(user, client);
    await this.audit.record({
      type: AuditEventType.LoginSucceeded,
      userId: user.id,
      client,
      details: { sessionId: tokens.sessionId },
    });
    return { user, tokens };
  }
}
