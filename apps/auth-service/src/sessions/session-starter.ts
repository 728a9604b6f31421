import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { User } from '../accounts/user';
import { AccessTokenIssuer, type IssuedAccessToken } from '../signing-keys/access-token-issuer';
import type { ClientContext } from '../shared/client-context';
import { Clock, secondsAfter } from '../shared/clock';
import { digestOf, newOpaqueToken } from '../shared/opaque-token';
import { idleExpiryAt, isLive } from './session';
import { SessionRepository } from './session-repository';
import { SessionSettings } from './session-settings';

/** What a client holds after signing in or refreshing. */
export interface SessionTokens {
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  /** When the refresh token stops working unless the session is refreshed first. */
  refreshTokenExpiresAt: Date;
}

/** Opens a session for a user who has just proved who they are, and signs its tokens. */
@Injectable()
export class SessionStarter {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly settings: SessionSettings,
    private readonly clock: Clock,
  ) {}

  async start(user: User, client: ClientContext): Promise<SessionTokens> {
    const now = this.clock.now();
    const refreshToken = newOpaqueToken();
    const absoluteExpiresAt = secondsAfter(now, this.settings.absoluteSeconds);
    const session = {
      id: uuidv7(),
      userId: user.id,
      client,
      createdAt: now,
      idleExpiresAt: idleExpiryAt(now, this.settings.idleSeconds, absoluteExpiresAt),
      absoluteExpiresAt,
    };
    await this.sessions.create({
      ...session,
      refreshTokenId: uuidv7(),
      refreshTokenDigest: digestOf(refreshToken),
    });
    return this.tokens(user, session.id, {
      refreshToken,
      refreshTokenExpiresAt: session.idleExpiresAt,
    });
  }

  /** What the client holds: a new access token beside the session's current refresh token. */
  async tokens(
    user: User,
    sessionId: string,
    refresh: Pick<SessionTokens, 'refreshToken' | 'refreshTokenExpiresAt'>,
  ): Promise<SessionTokens> {
    const access = await this.accessTokenFor(user, sessionId);
    return {
      sessionId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      ...refresh,
    };
  }

  /** A new access token for a session that is still open (after a rename, say); null once it has ended. */
  async reissue(user: User, sessionId: string): Promise<IssuedAccessToken | null> {
    const session = await this.sessions.findById(sessionId);
    if (!session || session.userId !== user.id || !isLive(session, this.clock.now())) return null;
    return this.accessTokenFor(user, sessionId);
  }

  private accessTokenFor(user: User, sessionId: string): Promise<IssuedAccessToken> {
    return this.accessTokens.issue({
      sub: user.id,
      sid: sessionId,
      username: user.username,
      roles: user.roles,
      email_verified: user.emailVerifiedAt !== null,
      profile_version: user.profileVersion,
    });
  }
}
