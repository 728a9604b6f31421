import { createHash } from 'node:crypto';
import { ExpiringMemo } from '../expiring-memo';
import type { Principal } from '../principal';
import { ApiKeyVerifier } from './api-key-verifier';

/** A revoked key must stop working within a minute, so no answer may be remembered longer. */
export const MAX_API_KEY_CACHE_TTL_MS = 60_000;

/**
 * Remembers each answer (valid or not) for a short TTL. Concurrent requests with the same key share
 * one lookup, and an outage is never cached: the next request asks again.
 */
export class CachingApiKeyVerifier extends ApiKeyVerifier {
  private readonly answers: ExpiringMemo<Promise<Principal | null>>;

  constructor(
    private readonly authority: ApiKeyVerifier,
    private readonly ttlMs = 30_000,
    maxEntries = 10_000,
  ) {
    super();
    if (ttlMs <= 0 || ttlMs > MAX_API_KEY_CACHE_TTL_MS) {
      throw new RangeError(
        `API key cache TTL must be within (0, ${MAX_API_KEY_CACHE_TTL_MS}] ms; got ${ttlMs}`,
      );
    }
    this.answers = new ExpiringMemo(maxEntries);
  }

  verify(key: string): Promise<Principal | null> {
    // Indexed by digest so raw secrets do not sit in a long-lived map.
    const id = createHash('sha256').update(key).digest('base64url');
    const cached = this.answers.get(id);
    if (cached) return cached;

    const answer = this.authority.verify(key);
    this.answers.remember(id, answer, Date.now() + this.ttlMs);
    answer.catch(() => this.answers.forget(id, answer));
    return answer;
  }
}
