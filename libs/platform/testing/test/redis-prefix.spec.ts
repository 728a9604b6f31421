import { Redis } from 'ioredis';
import { deleteRedisKeys, testEndpoints, testRedisPrefix } from '../src';

describe('a test Redis prefix', () => {
  const redis = new Redis(testEndpoints.redisUrl);

  afterAll(() => redis.quit());

  it('is unique per call, and deleting it removes only its own keys', async () => {
    const mine = testRedisPrefix('cache');
    const theirs = testRedisPrefix('cache');
    expect(mine).not.toBe(theirs);
    await redis.mset(`${mine}a`, '1', `${mine}b`, '2', `${theirs}a`, '3');

    await deleteRedisKeys(redis, mine);

    expect(await redis.exists(`${mine}a`, `${mine}b`)).toBe(0);
    expect(await redis.get(`${theirs}a`)).toBe('3');
    await deleteRedisKeys(redis, theirs);
  });
});
