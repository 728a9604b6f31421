import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { LoginLockout } from './login-lockout';
import { RateLimitGuard } from './rate-limit.guard';
import { RATE_LIMIT_STORE } from './rate-limit-store';
import { RateLimits } from './rate-limits';

/** Rate limits and login lockout; global so any feature can put `@RateLimit` on its routes. */
@Global()
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => new Redis(config.get('REDIS_URL')),
    },
    RateLimits,
    LoginLockout,
    RateLimitGuard,
  ],
  exports: [RATE_LIMIT_STORE, RateLimits, LoginLockout, RateLimitGuard],
})
export class ProtectionModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly redis: Redis) {}

  // Closed with the other connections, once consumers and workers have stopped using them.
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit();
  }
}
