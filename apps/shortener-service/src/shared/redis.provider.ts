import type { Provider } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import { Redis } from 'ioredis';
import type { Environment } from '../config/environment';

/** The connection for state that must not silently fall back (visit caps, rate limits). */
export const SHORTENER_REDIS = Symbol('SHORTENER_REDIS');

export const shortenerRedisProvider: Provider = {
  provide: SHORTENER_REDIS,
  inject: [AppConfig],
  useFactory: (config: AppConfig<Environment>) =>
    new Redis(config.get('REDIS_URL'), {
      keyPrefix: `${config.get('CACHE_PREFIX')}:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
    }),
};
