export * from './cache.module';
export * from './redis-cache';
export type { RedisClientOptions } from './redis-client';
