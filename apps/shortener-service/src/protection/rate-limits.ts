import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import type { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { SHORTENER_REDIS } from '../shared/redis.provider';
import { AllowanceCounter } from '@capstone/platform/limits';
import { RATE_LIMITED_ACTIONS, type RateLimitedAction } from './rate-limited-actions';

/** Who is spending an allowance: the user, and the API key they called with, if any. */
export interface Spender {
  principal: Principal;
  /** A digest of the API key, never the key itself: Redis keys show up in monitoring. */
  apiKeyDigest?: string;
}

/** Each action's configured allowances per user and per API key. */
@Injectable()
export class RateLimits {
  private readonly counters = new Map<string, AllowanceCounter>();

  constructor(@Inject(SHORTENER_REDIS) redis: Redis, config: AppConfig<Environment>) {
    for (const [action, limits] of Object.entries(RATE_LIMITED_ACTIONS)) {
      for (const [per, variable] of Object.entries(limits)) {
        const counter = new AllowanceCounter(redis, `rate:${action}:${per}`, config.get(variable));
        this.counters.set(`${action}:${per}`, counter);
      }
    }
  }

  /** Spends one attempt: 0 when allowed, else milliseconds until the refusing window ends. */
  async spend(action: RateLimitedAction, { principal, apiKeyDigest }: Spender): Promise<number> {
    // The key's own allowance first: an attempt it refuses leaves its owner's other keys their share.
    if (apiKeyDigest !== undefined) {
      const wait = await this.counter(action, 'perApiKey').spend(apiKeyDigest);
      if (wait > 0) return wait;
    }
    return this.counter(action, 'perUser').spend(principal.userId);
  }

  private counter(action: RateLimitedAction, per: 'perUser' | 'perApiKey'): AllowanceCounter {
    return this.counters.get(`${action}:${per}`)!;
  }
}
