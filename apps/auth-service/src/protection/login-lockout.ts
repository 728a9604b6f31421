import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { uniquenessKey } from '../accounts/user';
import { RedisCounters } from './redis-counters';

// Failures tolerated before the first lock, and how a lock grows with each failure after it.
const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 60 * 60_000;
// Failures are forgotten a day after the last one.
const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

/**
 * Growing lockout after repeated failed logins for one account: 30 s after the fifth failure,
 * doubling with each further one up to an hour. Keyed on the email as typed, known or not, so
 * the lock itself cannot tell an attacker whether an account exists.
 */
@Injectable()
export class LoginLockout {
  constructor(private readonly counters: RedisCounters) {}

  /** Milliseconds until this account may try again; 0 when it is not locked. */
  remainingMs(email: string): Promise<number> {
    return this.counters.remainingMs(this.lockKey(email));
  }

  async recordFailure(email: string): Promise<void> {
    const { count } = await this.counters.hit(this.failuresKey(email), FAILURE_MEMORY_MS);
    if (count < FREE_FAILURES) return;
    const lockMs = Math.min(FIRST_LOCK_MS * 2 ** (count - FREE_FAILURES), LONGEST_LOCK_MS);
    await this.counters.set(this.lockKey(email), lockMs);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.counters.delete(this.failuresKey(email), this.lockKey(email));
  }

  private failuresKey(email: string): string {
    return `login-failures:${accountKey(email)}`;
  }

  private lockKey(email: string): string {
    return `login-lock:${accountKey(email)}`;
  }
}

// Hashed: Redis keys show up in monitoring, and email addresses should not.
export function accountKey(email: string): string {
  return createHash('sha256').update(uniquenessKey(email.trim())).digest('base64url');
}
