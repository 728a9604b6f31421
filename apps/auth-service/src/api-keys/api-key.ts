import { ConflictError, ValidationError } from '@capstone/platform/http';

/** Enough for every integration a person runs; more usually means keys are being leaked, not rotated. */
export const MAX_ACTIVE_API_KEYS = 20;
/** A key may live at most a year; one without an expiry lives until it is revoked. */
export const MAX_API_KEY_LIFETIME_MS = 365 * 24 * 3_600_000;

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

/** A personal API key as its owner sees it: everything but the secret, which is never kept. */
export class ApiKey {
  constructor(
    readonly id: string,
    readonly userId: string,
    readonly name: string,
    readonly prefix: string,
    readonly scopes: readonly string[],
    readonly expiresAt: Date | null,
    readonly lastUsedAt: Date | null,
    readonly revokedAt: Date | null,
    readonly createdAt: Date,
  ) {}

  /** Checks a new key's terms against the owner's keys that are still active. */
  static assertIssuable(terms: { expiresAt: Date | null; activeKeys: number; now: Date }): void {
    const { expiresAt, activeKeys, now } = terms;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) {
      throw new ValidationError([
        { field: 'expiresAt', message: 'expiresAt must be in the future', code: 'expiry_in_past' },
      ]);
    }
    if (expiresAt && expiresAt.getTime() - now.getTime() > MAX_API_KEY_LIFETIME_MS) {
      throw new ValidationError([
        { field: 'expiresAt', message: 'expiresAt must be within a year', code: 'expiry_too_far' },
      ]);
    }
    if (activeKeys >= MAX_ACTIVE_API_KEYS) {
      throw new ConflictError(
        `At most ${MAX_ACTIVE_API_KEYS} API keys may be active; revoke one first`,
        {
          code: 'api_key_limit_reached',
        },
      );
    }
  }

  statusAt(now: Date): ApiKeyStatus {
    if (this.revokedAt) return 'revoked';
    if (this.expiresAt && this.expiresAt.getTime() <= now.getTime()) return 'expired';
    return 'active';
  }
}
