import type { ClientContext } from '../shared/client-context';
import { secondsAfter } from '../shared/clock';

/** One sign-in on one device: the family of refresh tokens that descend from that login. */
export interface Session {
  id: string;
  userId: string;
  client: ClientContext;
  createdAt: Date;
  lastUsedAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
}

/** Why a session ended, as stored on it and in the audit log. */
export const RevocationReason = {
  Logout: 'logout',
  LogoutEverywhere: 'logout_everywhere',
  RevokedByUser: 'revoked_by_user',
  RefreshTokenReused: 'refresh_token_reused',
  PasswordReset: 'password_reset',
  PasswordChanged: 'password_changed',
} as const;

export function isLive(session: Session, at: Date): boolean {
  return session.revokedAt === null && at < session.idleExpiresAt && at < session.absoluteExpiresAt;
}

/** When a session used at `at` ends if left idle, never later than its absolute end. */
export function idleExpiryAt(at: Date, idleSeconds: number, absoluteExpiresAt: Date): Date {
  return new Date(Math.min(secondsAfter(at, idleSeconds).getTime(), absoluteExpiresAt.getTime()));
}
