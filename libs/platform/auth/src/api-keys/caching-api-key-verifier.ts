import { createHash } from 'node:crypto';
import type { Principal } from '../principal';
import { ApiKeyVerifier } from './api-key-verifier';

/** A revoked key must stop working within a minute, so no answer may be remembered longer. */
export const MAX_API_KEY_CACHE_TTL_MS = 60_000;

interface CachedAnswer {
  expiresAt: number;
  answer: Promise<Principal | null>;
}

/**
 * Remembers each answer (valid or not) for a short TTL. Concurrent requests with the same key share
 * one lookup, and an outage is never cached: the next request asks again.
 */
export class CachingApiKeyVerifier extends ApiKeyVerifier {
  private readonly answers = new Map<string, CachedAnswer>();

  constructor(
    private readonly authority: ApiKeyVerifier,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {
    super();
    if (ttlMs <= 0 || ttlMs > MAX_API_KEY_CACHE_TTL_MS) {
      throw new RangeError(
        `API key cache TTL must be within (0, ${MAX_API_KEY_CACHE_TTL_MS}] ms; got ${ttlMs}`,
      );
    }
  }

  verify(key: string): Promise<Principal | null> {
    // Indexed by digest so raw secrets do not sit in a long-lived map.
    const id = createHash('sha256').update(key).digest('base64url');
    const cached = this.answers.get(id);
    if (cached && cached.expiresAt > Date.now()) return cached.answer;

    this.answers.delete(id);
    this.evictOldestWhenFull();
    const answer = this.authority.verify(key);
    this.answers.set(id, { expiresAt: Date.now() + this.ttlMs, answer });
    answer.catch(() => {
      if (this.answers.get(id)?.answer === answer) this.answers.delete(id);
    });
    return answer;
  }

  // Entries share one TTL, so insertion order is expiry order: the first entry is the oldest.
  private evictOldestWhenFull(): void {
    if (this.answers.size < this.maxEntries) return;
    const oldest = this.answers.keys().next().value;
    if (oldest !== undefined) this.answers.delete(oldest);
  }
}
