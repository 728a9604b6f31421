import { Redis } from 'ioredis';

export interface RedisClientOptions {
  url: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
}

/**
 * A client that fails fast: while Redis is unreachable, commands are rejected at once instead of
 * queueing, because a cache that waits for Redis is slower than no cache at all.
 */
export function createFailFastRedis({
  url,
  connectTimeoutMs = 1_000,
  commandTimeoutMs = 500,
}: RedisClientOptions): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: connectTimeoutMs,
    // Only a client that is not talking to Redis is disconnected (see RedisCache.close): nothing to wait for.
    disconnectTimeout: 0,
    commandTimeout: commandTimeoutMs,
  });
}
