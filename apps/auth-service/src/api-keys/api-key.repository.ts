import type { Role } from '@capstone/platform/auth';
import type { ApiKey } from './api-key';

export interface NewApiKey {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: readonly string[];
  expiresAt: Date | null;
}

/** A key found by its prefix for verification, with what the caller will act as. */
export interface PresentedKeyRecord {
  key: ApiKey;
  secretHash: string;
  owner: { username: string; roles: Role[]; emailVerified: boolean; disabled: boolean };
}

/** Port: where API keys are kept; joins the ambient transaction. The Prisma implementation is in `infrastructure/`. */
export abstract class ApiKeyRepository {
  abstract add(key: NewApiKey): Promise<ApiKey>;

  abstract countActive(userId: string, now: Date): Promise<number>;

  /** Newest first, revoked and expired keys included so their owner can see what happened. */
  abstract listOwnedBy(userId: string): Promise<ApiKey[]>;

  abstract findOwned(id: string, userId: string): Promise<ApiKey | null>;

  /** Sets revokedAt unless already set; false when there was nothing to revoke. */
  abstract revoke(id: string, at: Date): Promise<boolean>;

  abstract findByPrefix(prefix: string): Promise<PresentedKeyRecord | null>;

  /**
   * Moves lastUsedAt to `at` only if it is older than `staleBefore`: the one row update decides,
   * across every instance, which request records the use.
   */
  abstract markUsed(id: string, at: Date, staleBefore: Date): Promise<boolean>;
}
