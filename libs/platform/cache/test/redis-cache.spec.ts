import { randomUUID } from 'node:crypto';
import { metricValue, testEndpoints } from '@capstone/platform/testing';
import { Redis } from 'ioredis';
import { register } from 'prom-client';
import { RedisCache } from '../src';

const redisUrl = testEndpoints.redisUrl;
const filePrefix = `test-cache-${randomUUID()}`;

describe('RedisCache against a real Redis', () => {
  let redis: Redis;
  let cache: RedisCache;

  beforeAll(async () => {
    redis = new Redis(redisUrl);
    cache = await RedisCache.connect({ url: redisUrl, keyPrefix: filePrefix });
  });

  afterAll(async () => {
    await cache.invalidatePrefix('');
    await cache.close();
    await redis.quit();
  });

  it('loads on a miss, then answers from Redis without calling the loader again', async () => {
    const loader = jest.fn(async () => ({ slug: 'hello-world', clicks: 3 }));

    await expect(cache.wrap('link:hello', 60, loader)).resolves.toEqual({
      slug: 'hello-world',
      clicks: 3,
    });
    await expect(cache.wrap('link:hello', 60, loader)).resolves.toEqual({
      slug: 'hello-world',
      clicks: 3,
    });

    expect(loader).toHaveBeenCalledTimes(1);
    expect(JSON.parse((await redis.get(`${filePrefix}:link:hello`)) ?? 'null')).toEqual({
      slug: 'hello-world',
      clicks: 3,
    });
  });

  it('calls the loader exactly once for 100 concurrent misses on one key', async () => {
    let releaseLoader!: () => void;
    const loaderMayFinish = new Promise<void>((resolve) => (releaseLoader = resolve));
    const loader = jest.fn(async () => {
      await loaderMayFinish;
      return 'popular';
    });

    const callers = Array.from({ length: 100 }, () => cache.wrap('hot-key', 60, loader));
    releaseLoader();

    await expect(Promise.all(callers)).resolves.toEqual(Array(100).fill('popular'));
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('spreads the expiry of keys written together within ±10% of the TTL', async () => {
    const keys = Array.from({ length: 40 }, (_, index) => `jitter:${index}`);
    await Promise.all(keys.map((key) => cache.wrap(key, 100, async () => key)));

    const ttls = await Promise.all(keys.map((key) => redis.pttl(`${filePrefix}:${key}`)));

    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThanOrEqual(89_000);
      expect(ttl).toBeLessThanOrEqual(110_000);
    }
    expect(new Set(ttls).size).toBeGreaterThan(1);
  });

  it('remembers a not-found result for the short negative TTL when asked to', async () => {
    const findMissingUser = jest.fn(async () => null);

    await expect(
      cache.wrap('user:ghost', 600, findMissingUser, { negativeTtlSeconds: 5 }),
    ).resolves.toBeNull();
    await expect(
      cache.wrap('user:ghost', 600, findMissingUser, { negativeTtlSeconds: 5 }),
    ).resolves.toBeNull();

    expect(findMissingUser).toHaveBeenCalledTimes(1);
    expect(await redis.pttl(`${filePrefix}:user:ghost`)).toBeLessThanOrEqual(5_500);
  });

  it('does not cache a not-found result without a negative TTL, so a later creation is seen at once', async () => {
    const findUser = jest.fn(async () => null);

    await cache.wrap('user:soon', 600, findUser);
    await cache.wrap('user:soon', 600, findUser);

    expect(findUser).toHaveBeenCalledTimes(2);
    expect(await redis.exists(`${filePrefix}:user:soon`)).toBe(0);
  });

  it('passes a loader failure to the caller and caches nothing', async () => {
    const failingLoader = async (): Promise<string> => {
      throw new Error('database is down');
    };

    await expect(cache.wrap('article:broken', 60, failingLoader)).rejects.toThrow(
      'database is down',
    );
    expect(await redis.exists(`${filePrefix}:article:broken`)).toBe(0);
  });

  it('loads again after an explicit invalidation of the key', async () => {
    const loader = jest.fn(async () => 'fresh');
    await cache.wrap('profile:alice', 60, loader);

    await cache.invalidate('profile:alice');
    await cache.wrap('profile:alice', 60, loader);

    expect(loader).toHaveBeenCalledTimes(2);
  });

  /** A load that has read its value and waits to be let go, so a test can change things meanwhile. */
  function slowLoad<T>(value: T) {
    let release!: () => void;
    let markStarted!: () => void;
    const mayFinish = new Promise<void>((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const loader = async (): Promise<T> => {
      markStarted();
      await mayFinish;
      return value;
    };
    return { loader, started, release };
  }

  it('does not write back a value loaded before an invalidation that came while the load ran', async () => {
    const before = slowLoad({ title: 'before the edit' });
    const racingRead = cache.wrap('article:raced', 60, before.loader);
    await before.started;

    await cache.invalidate('article:raced');
    before.release();

    // The racing caller gets what it read; nobody after it does.
    await expect(racingRead).resolves.toEqual({ title: 'before the edit' });
    expect(await redis.exists(`${filePrefix}:article:raced`)).toBe(0);
    await expect(
      cache.wrap('article:raced', 60, async () => ({ title: 'edited' })),
    ).resolves.toEqual({
      title: 'edited',
    });
    await expect(
      cache.wrap('article:raced', 60, async () => ({ title: 'reloaded' })),
    ).resolves.toEqual({
      title: 'edited',
    });
  });

  it('does not remember "not found" from a load that raced the creation of the key', async () => {
    const before = slowLoad(null);
    const racingRead = cache.wrap('user:created', 600, before.loader, { negativeTtlSeconds: 30 });
    await before.started;

    await cache.invalidate('user:created');
    before.release();

    await expect(racingRead).resolves.toBeNull();
    await expect(
      cache.wrap('user:created', 600, async () => ({ name: 'new user' }), {
        negativeTtlSeconds: 30,
      }),
    ).resolves.toEqual({ name: 'new user' });
  });

  it('does not write back a load in flight when its key is invalidated by prefix', async () => {
    const before = slowLoad('old body');
    const racingRead = cache.wrap('article:7:body', 60, before.loader);
    await before.started;

    await cache.invalidatePrefix('article:7:');
    before.release();

    await expect(racingRead).resolves.toBe('old body');
    expect(await redis.exists(`${filePrefix}:article:7:body`)).toBe(0);
  });

  it("stores the newer of two instances' loads when the older one finishes last", async () => {
    const otherInstance = await RedisCache.connect({ url: redisUrl, keyPrefix: filePrefix });
    const staleLoads = () => metricValue('cache_stale_loads_total', { cache: filePrefix });
    const staleBefore = await staleLoads();
    try {
      const older = slowLoad('read before the change');
      const olderRead = cache.wrap('settings:raced', 60, older.loader);
      await older.started;
      await cache.invalidate('settings:raced');

      await expect(
        otherInstance.wrap('settings:raced', 60, async () => 'read after the change'),
      ).resolves.toBe('read after the change');
      older.release();
      await olderRead;

      await expect(cache.wrap('settings:raced', 60, async () => 'reloaded')).resolves.toBe(
        'read after the change',
      );
      expect((await staleLoads()) - staleBefore).toBe(1);
    } finally {
      await otherInstance.close();
    }
  });

  it('invalidates every key under a prefix and leaves the neighbours alone', async () => {
    await cache.wrap('article:42:body', 60, async () => 'body');
    await cache.wrap('article:42:comments', 60, async () => ['first!']);
    await cache.wrap('article:420:body', 60, async () => 'another article');

    await cache.invalidatePrefix('article:42:');

    expect(
      await redis.exists(`${filePrefix}:article:42:body`, `${filePrefix}:article:42:comments`),
    ).toBe(0);
    expect(await redis.exists(`${filePrefix}:article:420:body`)).toBe(1);
  });

  it('treats glob characters in an invalidation prefix literally', async () => {
    await cache.wrap('tag:*', 60, async () => 'the star tag');
    await cache.wrap('tag:nestjs', 60, async () => 'the nestjs tag');

    await cache.invalidatePrefix('tag:*');

    expect(await redis.exists(`${filePrefix}:tag:*`)).toBe(0);
    expect(await redis.exists(`${filePrefix}:tag:nestjs`)).toBe(1);
  });

  it('forgets every entry of a family with one invalidation and leaves other families alone', async () => {
    await cache.wrapInFamily('lists', 'page:1', 60, async () => 'first page');
    await cache.wrapInFamily('lists', 'page:2', 60, async () => 'second page');
    await cache.wrapInFamily('feeds', 'page:1', 60, async () => 'a feed');

    await cache.invalidateFamily('lists');

    await expect(cache.wrapInFamily('lists', 'page:1', 60, async () => 'new first')).resolves.toBe(
      'new first',
    );
    await expect(cache.wrapInFamily('lists', 'page:2', 60, async () => 'new second')).resolves.toBe(
      'new second',
    );
    await expect(cache.wrapInFamily('feeds', 'page:1', 60, async () => 'reloaded')).resolves.toBe(
      'a feed',
    );
  });

  it('never shows a family entry loaded before an invalidation that came while the load ran', async () => {
    const before = slowLoad('page before the write');
    const racingRead = cache.wrapInFamily('raced-lists', 'page:1', 60, before.loader);
    await before.started;

    await cache.invalidateFamily('raced-lists');
    before.release();

    await expect(racingRead).resolves.toBe('page before the write');
    await expect(
      cache.wrapInFamily('raced-lists', 'page:1', 60, async () => 'page after the write'),
    ).resolves.toBe('page after the write');
  });

  it('does not bring back old entries when the family generation itself is lost', async () => {
    await cache.wrapInFamily('evicted-lists', 'page:1', 60, async () => 'before');
    await cache.invalidateFamily('evicted-lists');
    await cache.wrapInFamily('evicted-lists', 'page:1', 60, async () => 'after');

    // As if Redis evicted the generation under memory pressure: entries of every generation remain.
    await redis.del(`${filePrefix}:evicted-lists:generation`);

    await expect(
      cache.wrapInFamily('evicted-lists', 'page:1', 60, async () => 'reloaded'),
    ).resolves.toBe('reloaded');
  });

  it('lets a family generation expire, so families nobody reads any more leave no key behind', async () => {
    await cache.wrapInFamily('reader-7', 'page:1', 60, async () => 'flags');
    const generationKey = `${filePrefix}:reader-7:generation`;
    const ttlWhenCreated = await redis.ttl(generationKey);
    await cache.invalidateFamily('reader-7');

    for (const ttl of [ttlWhenCreated, await redis.ttl(generationKey)]) {
      expect(ttl).toBeGreaterThan(3_600);
      expect(ttl).toBeLessThanOrEqual(24 * 3_600);
    }
  });

  it('loads a family entry once for concurrent misses', async () => {
    const loader = jest.fn(async () => 'popular page');

    const callers = Array.from({ length: 20 }, () =>
      cache.wrapInFamily('hot-lists', 'page:1', 60, loader),
    );

    await expect(Promise.all(callers)).resolves.toEqual(Array(20).fill('popular page'));
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('keeps services apart: one key under two service prefixes holds two values', async () => {
    const blog = await RedisCache.connect({ url: redisUrl, keyPrefix: `${filePrefix}-blog` });
    const shop = await RedisCache.connect({ url: redisUrl, keyPrefix: `${filePrefix}-shop` });
    try {
      await blog.wrap('settings', 60, async () => 'blog settings');
      await shop.wrap('settings', 60, async () => 'shop settings');

      await expect(blog.wrap('settings', 60, async () => 'reloaded')).resolves.toBe(
        'blog settings',
      );
      await expect(shop.wrap('settings', 60, async () => 'reloaded')).resolves.toBe(
        'shop settings',
      );
    } finally {
      await Promise.all([blog.invalidatePrefix(''), shop.invalidatePrefix('')]);
      await Promise.all([blog.close(), shop.close()]);
    }
  });

  it('counts hits, misses and coalesced calls and times loads in the default registry', async () => {
    const metrics = await RedisCache.connect({ url: redisUrl, keyPrefix: `${filePrefix}-metrics` });
    try {
      await Promise.all([
        metrics.wrap('k', 60, async () => 1),
        metrics.wrap('k', 60, async () => 1),
      ]);
      await metrics.wrap('k', 60, async () => 1);

      const cacheLabel = { cache: `${filePrefix}-metrics` };
      expect(await metricValue('cache_requests_total', { ...cacheLabel, result: 'miss' })).toBe(1);
      expect(
        await metricValue('cache_requests_total', { ...cacheLabel, result: 'coalesced' }),
      ).toBe(1);
      expect(await metricValue('cache_requests_total', { ...cacheLabel, result: 'hit' })).toBe(1);
      expect(await register.metrics()).toContain(
        `cache_load_duration_seconds_count{cache="${cacheLabel.cache}"} 1`,
      );
    } finally {
      await metrics.invalidatePrefix('');
      await metrics.close();
    }
  });
});

describe('RedisCache when Redis is unreachable', () => {
  const deadPrefix = `${filePrefix}-unreachable`;
  let cache: RedisCache;

  beforeAll(async () => {
    cache = await RedisCache.connect({
      url: 'redis://127.0.0.1:1',
      keyPrefix: deadPrefix,
      connectTimeoutMs: 200,
      commandTimeoutMs: 200,
    });
  });

  afterAll(async () => {
    await cache.close();
  });

  it('answers from the loader and counts the failure instead of throwing', async () => {
    const loader = jest.fn(async () => ({ id: 7 }));

    await expect(cache.wrap('order:7', 60, loader)).resolves.toEqual({ id: 7 });
    await expect(cache.wrap('order:7', 60, loader)).resolves.toEqual({ id: 7 });

    expect(loader).toHaveBeenCalledTimes(2);
    expect(await metricValue('cache_requests_total', { cache: deadPrefix, result: 'error' })).toBe(
      2,
    );
    expect(
      await metricValue('cache_redis_errors_total', { cache: deadPrefix, operation: 'get' }),
    ).toBe(2);
  });

  it('swallows invalidations it cannot perform and counts them', async () => {
    await expect(cache.invalidate('order:7')).resolves.toBeUndefined();
    await expect(cache.invalidatePrefix('order:')).resolves.toBeUndefined();
    await expect(cache.invalidateFamily('orders')).resolves.toBeUndefined();

    expect(
      await metricValue('cache_redis_errors_total', { cache: deadPrefix, operation: 'invalidate' }),
    ).toBe(3);
  });

  it('answers a family entry from the loader', async () => {
    await expect(cache.wrapInFamily('orders', 'page:1', 60, async () => 'page')).resolves.toBe(
      'page',
    );
  });
});
