import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { SHORTENER_REDIS, shortenerRedisProvider } from './redis.provider';

@Global()
@Module({ providers: [shortenerRedisProvider], exports: [SHORTENER_REDIS] })
export class SharedModule implements OnApplicationShutdown {
  constructor(@Inject(SHORTENER_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
