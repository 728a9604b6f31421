import { Redis } from 'ioredis';
import { startPrivateRedis, type PrivateRedis } from '../src';

/** One PING on a connection of its own that neither queues nor retries. */
async function pings(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    disconnectTimeout: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

describe('a private Redis', () => {
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });

  afterAll(() => redis.remove());

  it('answers on a port of its own, stops, and starts again on the same port', async () => {
    expect(redis.url).not.toBe(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    expect(await pings(redis.url)).toBe(true);

    await redis.stop();
    expect(await pings(redis.url)).toBe(false);

    await redis.start();
    expect(await pings(redis.url)).toBe(true);
  });
});
