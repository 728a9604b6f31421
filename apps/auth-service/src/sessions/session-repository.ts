import type { Session } from './session';

/** A refresh token as stored (its digest only), whether it was spent, and its session. */
export interface StoredRefreshToken {
  id: string;
  rotatedAt: Date | null;
  session: Session;
}

export interface NewSession extends Omit<Session, 'revokedAt' | 'lastUsedAt'> {
  refreshTokenId: string;
  refreshTokenDigest: string;
}

export interface Rotation {
  sessionId: string;
  presentedTokenId: string;
  next: { id: string; digest: string };
  at: Date;
  idleExpiresAt: Date;
}

/** Sessions and their refresh tokens. Every method joins the ambient transaction when one is open. */
export abstract class SessionRepository {
  abstract create(session: NewSession): Promise<void>;
  abstract findById(sessionId: string): Promise<Session | null>;
  /** The token with its session, in one read: refresh is the path every client takes. */
  abstract findRefreshToken(digest: string): Promise<StoredRefreshToken | null>;
  /** Exchanges a refresh token for the next one; false when it was already exchanged (a race or a replay). */
  abstract rotate(rotation: Rotation): Promise<boolean>;
  abstract listLive(userId: string, at: Date): Promise<Session[]>;
  /** Revokes the sessions of a user that are still open, optionally one or all but one; returns their ids. */
  abstract revoke(
    filter: { userId: string; sessionId?: string; exceptSessionId?: string },
    reason: string,
    at: Date,
  ): Promise<string[]>;
}
