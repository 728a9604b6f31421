import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { cacheErrors, cacheLoadDuration, cacheRequests } from './cache-metrics';
import { createFailFastRedis, type RedisClientOptions } from './redis-client';

export interface RedisCacheOptions extends RedisClientOptions {
  /** Namespaces every key, one prefix per service: `shortener` stores `link:abc` as `shortener:link:abc`. */
  keyPrefix: string;
  /** How far each TTL is randomly stretched or shrunk: 0.1 means ±10%. */
  ttlJitter?: number;
}

export interface WrapOptions {
  /** Caches a `null` ("not found") result for this long; without it, `null` is never cached. */
  negativeTtlSeconds?: number;
}

type RedisOperation = 'connect' | 'get' | 'set' | 'invalidate';

/**
 * Cache-aside over Redis. Values are stored as JSON, so they must be JSON-safe: plain objects,
 * arrays, strings, finite numbers, booleans and `null` (a `Date` comes back as a string).
 * Redis failures never reach the caller: the loader answers instead, and the failure is counted.
 */
export class RedisCache {
  private readonly logger = new Logger(RedisCache.name);
  private readonly loadsInFlight = new Map<string, Promise<unknown>>();
  private redisHealthy = true;

  private constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlJitter: number,
  ) {
    redis.on('error', (error: Error) => this.redisFailed('connect', error));
    redis.on('ready', () => this.redisRecovered());
  }

  /** Resolves once Redis answered or refused: a cache must never hold a service's start-up hostage. */
  static async connect({
    keyPrefix,
    ttlJitter = 0.1,
    ...client
  }: RedisCacheOptions): Promise<RedisCache> {
    const cache = new RedisCache(createFailFastRedis(client), keyPrefix, ttlJitter);
    await cache.redis.connect().catch(() => undefined);
    return cache;
  }

  /**
   * Returns the cached value for `key`, or calls `loader` and caches its result for about
   * `ttlSeconds`. Concurrent calls for one key in this process share a single lookup and load.
   */
  wrap<T>(
    key: string,
    ttlSeconds: number,
    loader: () => Promise<T>,
    options: WrapOptions = {},
  ): Promise<T> {
    const redisKey = this.redisKeyOf(key);
    const inFlight = this.loadsInFlight.get(redisKey) as Promise<T> | undefined;
    if (inFlight) {
      this.countRequest('coalesced');
      return inFlight;
    }
    const lookup = this.readThrough(redisKey, ttlSeconds, loader, options).finally(() =>
      this.loadsInFlight.delete(redisKey),
    );
    this.loadsInFlight.set(redisKey, lookup);
    return lookup;
  }

  /** Removes entries now. A load already in flight may still write its (older) value back. */
  async invalidate(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.unlink(...keys.map((key) => this.redisKeyOf(key)));
    } catch (error) {
      this.redisFailed('invalidate', error as Error);
    }
  }

  /** Removes every entry whose key starts with `prefix`, e.g. `article:42:` for all views of one article. */
  async invalidatePrefix(prefix: string): Promise<void> {
    // SCAN walks the keyspace in small batches, so Redis keeps serving others, unlike KEYS.
    const batches = this.redis.scanStream({
      match: `${escapeGlob(this.redisKeyOf(prefix))}*`,
      count: 250,
    });
    try {
      for await (const keys of batches as AsyncIterable<string[]>) {
        if (keys.length > 0) await this.redis.unlink(...keys);
      }
    } catch (error) {
      this.redisFailed('invalidate', error as Error);
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }

  private async readThrough<T>(
    redisKey: string,
    ttlSeconds: number,
    loader: () => Promise<T>,
    { negativeTtlSeconds }: WrapOptions,
  ): Promise<T> {
    let cached: string | null;
    try {
      cached = await this.redis.get(redisKey);
      this.redisRecovered();
    } catch (error) {
      this.redisFailed('get', error as Error);
      this.countRequest('error');
      return this.load(loader);
    }
    if (cached !== null) {
      this.countRequest('hit');
      return JSON.parse(cached) as T;
    }
    this.countRequest('miss');
    const value = await this.load(loader);
    if (value === null && negativeTtlSeconds !== undefined)
      await this.store(redisKey, value, negativeTtlSeconds);
    else if (value !== null && value !== undefined) await this.store(redisKey, value, ttlSeconds);
    return value;
  }

  private async load<T>(loader: () => Promise<T>): Promise<T> {
    const stopTimer = cacheLoadDuration.startTimer({ cache: this.keyPrefix });
    try {
      return await loader();
    } finally {
      stopTimer();
    }
  }

  private async store(redisKey: string, value: unknown, ttlSeconds: number): Promise<void> {
    // Jitter spreads the expiry of keys written together, so they are not all reloaded at once.
    const ttlMs = Math.round(ttlSeconds * 1000 * (1 + this.ttlJitter * (2 * Math.random() - 1)));
    try {
      await this.redis.set(redisKey, JSON.stringify(value), 'PX', Math.max(ttlMs, 1));
    } catch (error) {
      this.redisFailed('set', error as Error);
    }
  }

  private redisKeyOf(key: string): string {
    return `${this.keyPrefix}:${key}`;
  }

  private countRequest(result: 'hit' | 'miss' | 'coalesced' | 'error'): void {
    cacheRequests.inc({ cache: this.keyPrefix, result });
  }

  private redisFailed(operation: RedisOperation, error: Error): void {
    cacheErrors.inc({ cache: this.keyPrefix, operation });
    // One warning per outage: every request failing alike would bury the logs.
    if (this.redisHealthy) {
      this.logger.warn(
        `Redis ${operation} failed for cache "${this.keyPrefix}", serving loaders directly: ${error.message}`,
      );
    }
    this.redisHealthy = false;
  }

  private redisRecovered(): void {
    if (!this.redisHealthy) this.logger.log(`Redis is back for cache "${this.keyPrefix}"`);
    this.redisHealthy = true;
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
