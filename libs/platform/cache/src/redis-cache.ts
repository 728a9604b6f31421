import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { cacheErrors, cacheLoadDuration, cacheRequests, cacheStaleLoads } from './cache-metrics';
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
 * How long a load may run and still store its result. A slower load answers its callers but is not
 * cached: its lease has expired, and with it the proof that no invalidation came in between.
 */
const LOAD_LEASE_MS = 30_000;

/**
 * Stores a loaded value only if the load's lease is still the one on the key. An invalidation
 * deletes the lease (and a newer load replaces it), so a load that raced a change cannot write
 * its older value back; one script, so nothing can come between the check and the write.
 */
const STORE_IF_LEASED = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('DEL', KEYS[2])
return 1`;

/**
 * A family entry and its family's generation in one round trip. A family without a generation (new,
 * expired or evicted) gets one from the server's clock, never a value used before, so entries written
 * under an earlier generation stay unreachable.
 */
const FAMILY_LOOKUP = `
local generation = redis.call('GET', KEYS[1])
if not generation then
  local now = redis.call('TIME')
  generation = now[1] .. '.' .. now[2]
  redis.call('SET', KEYS[1], generation, 'EX', ARGV[3])
end
return {generation, redis.call('GET', ARGV[1] .. generation .. ARGV[2])}`;

/**
 * How long a family's generation lives. Losing one only costs its family a round of misses (see
 * FAMILY_LOOKUP), so it can expire: families keyed by a user would otherwise leave a key behind for
 * every user who ever read, long after their entries expired.
 */
const GENERATION_TTL_SECONDS = 24 * 3_600;

interface LeasedRedis extends Redis {
  familyLookup(
    generationKey: string,
    entryKeyHead: string,
    entryKeyTail: string,
    generationTtlSeconds: number,
  ): Promise<[string, string | null]>;
  storeIfLeased(
    valueKey: string,
    leaseKey: string,
    token: string,
    value: string,
    ttlMs: number,
  ): Promise<0 | 1>;
}

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
    private readonly redis: LeasedRedis,
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
    const redis = createFailFastRedis(client);
    redis.defineCommand('storeIfLeased', { numberOfKeys: 2, lua: STORE_IF_LEASED });
    redis.defineCommand('familyLookup', { numberOfKeys: 1, lua: FAMILY_LOOKUP });
    const cache = new RedisCache(redis as LeasedRedis, keyPrefix, ttlJitter);
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
    return this.singleFlight(key, () => this.readThrough(key, ttlSeconds, loader, options));
  }

  /**
   * `wrap` for one entry of a family that `invalidateFamily` forgets all at once, however many
   * entries it has (the pages of a list, each filter and offset its own key). Every entry's Redis
   * key holds the family's current generation, and invalidating replaces the generation: one
   * command, and a load that began before it can only store under the generation it replaced.
   */
  async wrapInFamily<T>(
    family: string,
    key: string,
    ttlSeconds: number,
    loader: () => Promise<T>,
    options: WrapOptions = {},
  ): Promise<T> {
    let generation = '';
    const found = await this.lookUp(async () => {
      const [current, cached] = await this.redis.familyLookup(
        this.generationKeyOf(family),
        this.redisKeyOf(`${family}:`),
        `:${key}`,
        GENERATION_TTL_SECONDS,
      );
      generation = current;
      return cached;
    }, loader);
    if (found) return found.value;
    const entryKey = `${family}:${generation}:${key}`;
    return this.singleFlight(entryKey, () =>
      this.loadThrough(entryKey, ttlSeconds, loader, options),
    );
  }

  /** Forgets every entry of the family at once; call it after the change has committed. */
  async invalidateFamily(family: string): Promise<void> {
    try {
      await this.redis.set(
        this.generationKeyOf(family),
        randomUUID(),
        'EX',
        GENERATION_TTL_SECONDS,
      );
    } catch (error) {
      this.redisFailed('invalidate', error as Error);
    }
  }

  /** Removes entries now, and stops any load in flight for them from storing what it read before. */
  async invalidate(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.unlink(
        ...keys.flatMap((key) => [this.redisKeyOf(key), this.leaseKeyOf(key)]),
      );
    } catch (error) {
      this.redisFailed('invalidate', error as Error);
    }
  }

  /** Removes every entry whose key starts with `prefix`, e.g. `article:42:` for all views of one article. */
  async invalidatePrefix(prefix: string): Promise<void> {
    try {
      // Leases first: a load that took its lease before the scan began cannot store afterwards.
      await this.unlinkMatching(`${escapeGlob(this.leaseKeyOf(prefix))}*`);
      await this.unlinkMatching(`${escapeGlob(this.redisKeyOf(prefix))}*`);
    } catch (error) {
      this.redisFailed('invalidate', error as Error);
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }

  private async readThrough<T>(
    key: string,
    ttlSeconds: number,
    loader: () => Promise<T>,
    options: WrapOptions,
  ): Promise<T> {
    const found = await this.lookUp(() => this.redis.get(this.redisKeyOf(key)), loader);
    if (found) return found.value;
    return this.loadThrough(key, ttlSeconds, loader, options);
  }

  /**
   * One read of the cache: the parsed value on a hit, nothing on a miss. While Redis fails the
   * loader answers instead, uncached, so a cache outage slows a service down but never stops it.
   */
  private async lookUp<T>(
    read: () => Promise<string | null>,
    loader: () => Promise<T>,
  ): Promise<{ value: T } | undefined> {
    let cached: string | null;
    try {
      cached = await read();
      this.redisRecovered();
    } catch (error) {
      this.redisFailed('get', error as Error);
      this.countRequest('error');
      return { value: await this.load(loader) };
    }
    if (cached === null) return undefined;
    this.countRequest('hit');
    return { value: JSON.parse(cached) as T };
  }

  /** Concurrent callers for one key in this process share the first caller's lookup and load. */
  private singleFlight<T>(key: string, lookup: () => Promise<T>): Promise<T> {
    const inFlight = this.loadsInFlight.get(key) as Promise<T> | undefined;
    if (inFlight) {
      this.countRequest('coalesced');
      return inFlight;
    }
    const shared = lookup().finally(() => this.loadsInFlight.delete(key));
    this.loadsInFlight.set(key, shared);
    return shared;
  }

  /** A miss: loads, and caches the result unless the key was invalidated meanwhile. */
  private async loadThrough<T>(
    key: string,
    ttlSeconds: number,
    loader: () => Promise<T>,
    { negativeTtlSeconds }: WrapOptions,
  ): Promise<T> {
    this.countRequest('miss');
    // The lease is taken before the loader reads anything, so any change it might miss comes after.
    const lease = await this.takeLease(key);
    const value = await this.load(loader);
    if (lease === undefined) return value;
    if (value === null && negativeTtlSeconds !== undefined)
      await this.store(key, lease, value, negativeTtlSeconds);
    else if (value !== null && value !== undefined) await this.store(key, lease, value, ttlSeconds);
    return value;
  }

  /** A token that lets this load store its result; undefined when Redis failed, so nothing is stored. */
  private async takeLease(key: string): Promise<string | undefined> {
    const token = randomUUID();
    try {
      // Overwrites another instance's lease: the newest load's read is the one that may be stored.
      await this.redis.set(this.leaseKeyOf(key), token, 'PX', LOAD_LEASE_MS);
      return token;
    } catch (error) {
      this.redisFailed('set', error as Error);
      return undefined;
    }
  }

  private async load<T>(loader: () => Promise<T>): Promise<T> {
    const stopTimer = cacheLoadDuration.startTimer({ cache: this.keyPrefix });
    try {
      return await loader();
    } finally {
      stopTimer();
    }
  }

  private async store(
    key: string,
    lease: string,
    value: unknown,
    ttlSeconds: number,
  ): Promise<void> {
    // Jitter spreads the expiry of keys written together, so they are not all reloaded at once.
    const ttlMs = Math.round(ttlSeconds * 1000 * (1 + this.ttlJitter * (2 * Math.random() - 1)));
    try {
      const stored = await this.redis.storeIfLeased(
        this.redisKeyOf(key),
        this.leaseKeyOf(key),
        lease,
        JSON.stringify(value),
        Math.max(ttlMs, 1),
      );
      if (stored === 0) cacheStaleLoads.inc({ cache: this.keyPrefix });
    } catch (error) {
      this.redisFailed('set', error as Error);
    }
  }

  private async unlinkMatching(pattern: string): Promise<void> {
    // SCAN walks the keyspace in small batches, so Redis keeps serving others, unlike KEYS.
    const batches = this.redis.scanStream({ match: pattern, count: 250 });
    for await (const keys of batches as AsyncIterable<string[]>) {
      if (keys.length > 0) await this.redis.unlink(...keys);
    }
  }

  private redisKeyOf(key: string): string {
    return `${this.keyPrefix}:${key}`;
  }

  private generationKeyOf(family: string): string {
    return this.redisKeyOf(`${family}:generation`);
  }

  // Leases live beside the prefix, not under it, so no value's key can ever name a lease.
  private leaseKeyOf(key: string): string {
    return `${this.keyPrefix}!lease:${key}`;
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
