import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@capstone/platform/config';
import { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { LoginLockout } from './login-lockout';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisCounters } from './redis-counters';

/** Rate limits and login lockout; global so any feature can put `@RateLimit` on its routes. */
@Global()
@Module({
  providers: [
    {
      provide: RedisCounters,
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) =>
        new RedisCounters(
          new Redis(config.get('REDIS_URL'), { keyPrefix: `${config.get('RATE_LIMIT_PREFIX')}:` }),
        ),
    },
    LoginLockout,
    RateLimitGuard,
  ],
  exports: [RedisCounters, LoginLockout, RateLimitGuard],
})
export class ProtectionModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig<Environment>,
  ) {}

  // Behind the gateway every request comes from its address: per-IP limits need the forwarded one.
  onModuleInit(): void {
    this.adapterHost.httpAdapter
      .getInstance()
      .set('trust proxy', this.config.get('TRUSTED_PROXIES'));
  }
}
