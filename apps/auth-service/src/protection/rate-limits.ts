import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import { AllowanceCounter } from '@capstone/platform/limits';
import type { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { RATE_LIMIT_STORE } from './rate-limit-store';
import { RATE_LIMITED_ACTIONS, type RateLimitedAction } from './rate-limited-actions';

export type CountedPer = 'ip' | 'account';

/** Each action's configured allowances, counted in fixed windows in Redis. */
@Injectable()
export class RateLimits {
  private readonly limiters = new Map<string, AllowanceCounter>();

  constructor(@Inject(RATE_LIMIT_STORE) redis: Redis, config: AppConfig<Environment>) {
    const prefix = config.get('RATE_LIMIT_PREFIX');
    for (const [action, limits] of Object.entries(RATE_LIMITED_ACTIONS)) {
      const variables = { ip: limits.perIp, account: 'perAccount' in limits && limits.perAccount };
      for (const [per, variable] of Object.entries(variables)) {
        if (!variable) continue;
        this.limiters.set(
          `${action}:${per}`,
          new AllowanceCounter(redis, `${prefix}:rate:${action}:${per}`, config.get(variable)),
        );
      }
    }
  }

  /** Spends one attempt: 0 while within the allowance, else milliseconds until its window ends. */
  async spend(action: RateLimitedAction, per: CountedPer, key: string): Promise<number> {
    const limiter = this.limiters.get(`${action}:${per}`);
    if (!limiter) throw new Error(`${action} is not limited per ${per}`);
    return limiter.spend(key);
  }
}
