import type { Allowance } from '@capstone/platform/config';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * One allowance counted in fixed windows in Redis, shared by every instance. Each spend is one
 * atomic step, so however many requests race, exactly `limit` of them get through.
 */
export class AllowanceCounter {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: Redis, keyPrefix: string, { limit, windowSeconds }: Allowance) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points: limit,
      duration: windowSeconds,
    });
  }

  /** Spends one attempt: 0 while within the allowance, else milliseconds until its window ends. */
  async spend(key: string): Promise<number> {
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (refusal) {
      // The library refuses with the counter's state, and rejects with an Error when Redis fails.
      if (refusal instanceof RateLimiterRes) return Math.max(refusal.msBeforeNext, 1);
      throw refusal;
    }
  }
}
