import { Injectable } from '@nestjs/common';
import { UnauthorizedError } from '@capstone/platform/http';
import { v7 as uuidv7 } from 'uuid';
import type { User } from '../accounts/user';
import { UserRepository } from '../accounts/user-repository';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { digestOf, newOpaqueToken } from '../shared/opaque-token';
import { idleExpiryAt, isLive, RevocationReason } from './session';
import { SessionRepository } from './session-repository';
import { SessionRevocation } from './session-revocation';
import { SessionSettings } from './session-settings';
import { SessionStarter, type SessionTokens } from './session-starter';

// One answer for unknown, expired, revoked and replayed tokens: the client must log in again.
const sessionEnded = () =>
  new UnauthorizedError('This session has ended; log in again', { code: 'session_ended' });

/**
 * Exchanges a refresh token for a new pair. Each refresh token works once: presenting a spent one
 * means it was copied, so the whole session (every token descended from that login) is revoked.
 */
@Injectable()
export class TokenRefresh {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly starter: SessionStarter,
    private readonly revocation: SessionRevocation,
    private readonly settings: SessionSettings,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async refresh(
    refreshToken: string,
    client: ClientContext,
  ): Promise<{ user: User; tokens: SessionTokens }> {
    const presented = await this.sessions.findRefreshToken(digestOf(refreshToken));
    if (!presented) throw sessionEnded();
    const { session } = presented;
    if (presented.rotatedAt) return this.rejectReuse(session.userId, session.id, client);

    const now = this.clock.now();
    const user = await this.users.findById(session.userId);
    if (!isLive(session, now) || !user || user.disabledAt) throw sessionEnded();

    const next = newOpaqueToken();
    const idleExpiresAt = idleExpiryAt(now, this.settings.idleSeconds, session.absoluteExpiresAt);
    const rotated = await this.sessions.rotate({
      sessionId: session.id,
      presentedTokenId: presented.id,
      next: { id: uuidv7(), digest: digestOf(next) },
      at: now,
      idleExpiresAt,
    });
    // Another request spent this token between our read and our write: a replay all the same.
    if (!rotated) return this.rejectReuse(session.userId, session.id, client);

    return {
      user,
      tokens: await this.starter.tokens(user, session.id, {
        refreshToken: next,
        refreshTokenExpiresAt: idleExpiresAt,
      }),
    };
  }

  private async rejectReuse(
    userId: string,
    sessionId: string,
    client: ClientContext,
  ): Promise<never> {
    await this.revocation.revokeSession(userId, sessionId, RevocationReason.RefreshTokenReused, {
      client,
    });
    await this.audit.record({
      type: AuditEventType.RefreshTokenReused,
      userId,
      client,
      details: { sessionId },
    });
    throw sessionEnded();
  }
}
