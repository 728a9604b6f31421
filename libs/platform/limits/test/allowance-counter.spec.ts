import { deleteRedisKeys, testEndpoints, testRedisPrefix } from '@capstone/platform/testing';
import { Redis } from 'ioredis';
import { AllowanceCounter } from '../src';

describe('AllowanceCounter against a real Redis', () => {
  const prefix = testRedisPrefix('allowance-counter');
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(testEndpoints.redisUrl);
  });

  afterAll(async () => {
    await deleteRedisKeys(redis, prefix);
    await redis.quit();
  });

  it('lets exactly the allowance through however many spends race, then says how long to wait', async () => {
    const counter = new AllowanceCounter(redis, `${prefix}:race`, { limit: 5, windowSeconds: 60 });
    const waits = await Promise.all(Array.from({ length: 40 }, () => counter.spend('caller')));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    for (const wait of waits.filter((wait) => wait > 0)) {
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60_000);
    }
  });

  it('counts each key apart', async () => {
    const counter = new AllowanceCounter(redis, `${prefix}:keys`, { limit: 1, windowSeconds: 60 });
    expect(await counter.spend('a')).toBe(0);
    expect(await counter.spend('b')).toBe(0);
    expect(await counter.spend('a')).toBeGreaterThan(0);
  });

  it('fails loudly when Redis cannot answer, rather than letting everyone through', async () => {
    const offline = new Redis(testEndpoints.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const counter = new AllowanceCounter(offline, `${prefix}:down`, {
      limit: 1,
      windowSeconds: 60,
    });
    await expect(counter.spend('a')).rejects.toThrow();
    offline.disconnect();
  });
});
