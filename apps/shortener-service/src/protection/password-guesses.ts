import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { SHORTENER_REDIS } from '../shared/redis.provider';
import { AllowanceCounter } from '@capstone/platform/limits';

/**
 * Password guesses on a protected link, counted per client IP and link: every guess is spent
 * before it is checked, so a burst of guesses cannot race past the allowance.
 */
@Injectable()
export class PasswordGuesses {
  private readonly counter: AllowanceCounter;

  constructor(@Inject(SHORTENER_REDIS) redis: Redis, config: AppConfig<Environment>) {
    this.counter = new AllowanceCounter(
      redis,
      'rate:link-password:ip',
      config.get('RATE_LIMIT_LINK_PASSWORD_PER_IP'),
    );
  }

  /** 0 when this guess may be checked, else milliseconds until this client may guess again. */
  spend(clientIp: string, code: string): Promise<number> {
    return this.counter.spend(`${code}:${clientIp}`);
  }
}
