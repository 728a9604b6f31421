import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { uniquenessKey } from '../accounts/user';
import type { Environment } from '../config/environment';
import { RATE_LIMIT_STORE } from './rate-limit-store';

/**
 * Growing lockout after repeated failed logins for one account: by default 30 s after the fifth
 * failure, doubling with each further one up to an hour. Keyed on the email as typed, known or
 * not, so the lock itself cannot tell an attacker whether an account exists.
 */
@Injectable()
export class LoginLockout {
  private readonly failures: RateLimiterRedis;
  // Written only by block(): a key's remaining lifetime is the lock's.
  private readonly locks: RateLimiterRedis;
  private readonly freeFailures: number;
  private readonly firstLockSeconds: number;
  private readonly longestLockSeconds: number;

  constructor(@Inject(RATE_LIMIT_STORE) redis: Redis, config: AppConfig<Environment>) {
    const prefix = config.get('RATE_LIMIT_PREFIX');
    const { limit, windowSeconds } = config.get('LOGIN_LOCKOUT_FAILURES');
    this.freeFailures = limit;
    this.firstLockSeconds = config.get('LOGIN_LOCKOUT_FIRST_LOCK');
    this.longestLockSeconds = config.get('LOGIN_LOCKOUT_LONGEST_LOCK');
    this.failures = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-failures`,
      points: limit,
      duration: windowSeconds,
    });
    this.locks = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-lock`,
      points: 1,
      duration: this.longestLockSeconds,
    });
  }

  /** Milliseconds until this account may try again; 0 when it is not locked. */
  async remainingMs(email: string): Promise<number> {
    const lock = await this.locks.get(accountKey(email));
    return lock ? Math.max(lock.msBeforeNext, 0) : 0;
  }

  async recordFailure(email: string): Promise<void> {
    const { consumedPoints: failures } = await this.failures.penalty(accountKey(email));
    if (failures < this.freeFailures) return;
    const lockSeconds = Math.min(
      this.firstLockSeconds * 2 ** (failures - this.freeFailures),
      this.longestLockSeconds,
    );
    await this.locks.block(accountKey(email), lockSeconds);
  }

  async recordSuccess(email: string): Promise<void> {
    await Promise.all([
      this.failures.delete(accountKey(email)),
      this.locks.delete(accountKey(email)),
    ]);
  }
}

// Hashed: Redis keys show up in monitoring, and email addresses should not.
export function accountKey(email: string): string {
  return createHash('sha256').update(uniquenessKey(email.trim())).digest('base64url');
}
