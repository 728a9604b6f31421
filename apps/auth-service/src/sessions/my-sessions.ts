import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@capstone/platform/http';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { RevocationReason, type Session } from './session';
import { SessionRepository } from './session-repository';
import { SessionRevocation } from './session-revocation';

/** A signed-in user looking after their own sessions: see them, end one, end them all. */
@Injectable()
export class MySessions {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly revocation: SessionRevocation,
    private readonly clock: Clock,
  ) {}

  list(userId: string): Promise<Session[]> {
    return this.sessions.listLive(userId, this.clock.now());
  }

  async logout(userId: string, sessionId: string, client: ClientContext): Promise<void> {
    await this.revocation.revokeSession(userId, sessionId, RevocationReason.Logout, { client });
  }

  async logoutEverywhere(userId: string, client: ClientContext): Promise<void> {
    await this.revocation.revokeAllForUser(userId, RevocationReason.LogoutEverywhere, { client });
  }

  /** Someone else's session id answers as an unknown one: ids are not a way to probe. */
  async revoke(userId: string, sessionId: string, client: ClientContext): Promise<void> {
    const revoked = await this.revocation.revokeSession(
      userId,
      sessionId,
      RevocationReason.RevokedByUser,
      { client },
    );
    if (!revoked)
      throw new NotFoundError('No open session of yours has this id', {
        code: 'session_not_found',
      });
  }
}
