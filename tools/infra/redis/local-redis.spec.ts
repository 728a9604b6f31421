import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { infraDown, managedProcess } from '../lifecycle';
import { isListening } from '../network';
import { findExecutable } from '../process/executables';
import { isRunning } from '../process/process-identity';
import {
  pathWithout,
  quiet,
  scratchInfra,
  sparePort,
  type ScratchInfra,
} from '../testing/scratch-infra';

async function withRedis<T>(url: URL, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url.toString(), {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    client.disconnect();
  }
}

describe('Redis, when nothing answers at REDIS_URL', () => {
  let scratch: ScratchInfra;
  let port: number;
  let settings: { redisUrl: URL; dataDir: string };

  beforeEach(async () => {
    scratch = scratchInfra();
    port = await sparePort();
    settings = { redisUrl: new URL(`redis://127.0.0.1:${port}`), dataDir: scratch.dataDir };
  });

  afterEach(() => scratch.remove());

  it('is started by up as a local redis-server in the data dir that answers PING, and stopped by down', async () => {
    const { statuses, startedNow } = await scratch.up({ only: ['redis'], settings, log: quiet });

    expect(startedNow).toEqual(['redis']);
    expect(statuses).toEqual([
      expect.objectContaining({ component: 'redis', healthy: true, managedBy: 'capstone' }),
    ]);
    const server = managedProcess('redis', { settings });
    expect(server?.command).toBe(findExecutable('redis-server'));
    expect(await withRedis(settings.redisUrl, (client) => client.ping())).toBe('PONG');
    expect(await withRedis(settings.redisUrl, (client) => client.config('GET', 'dir'))).toEqual([
      'dir',
      join(scratch.dataDir, 'redis'),
    ]);
    expect(existsSync(join(scratch.dataDir, 'logs', 'redis.log'))).toBe(true);

    expect(await infraDown({ settings, log: quiet })).toEqual(['redis']);

    expect(server && isRunning(server)).toBe(false);
    expect(managedProcess('redis', { settings })).toBeUndefined();
    expect(await isListening({ host: '127.0.0.1', port })).toBe(false);
  }, 30_000);

  it('makes up stop with what to install when redis-server is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = pathWithout('redis-server');
    try {
      expect(findExecutable('redis-server')).toBeUndefined();

      const up = scratch.up({ only: ['redis'], settings, log: quiet });

      await expect(up).rejects.toMatchObject({
        name: 'InfraError',
        code: 'PREREQUISITE_MISSING',
        message: expect.stringContaining(
          `Redis is not reachable at 127.0.0.1:${port} and redis-server is not installed. ` +
            'Install it with `sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS)',
        ),
      });
    } finally {
      process.env.PATH = path;
    }
    expect(managedProcess('redis', { settings })).toBeUndefined();
    expect(await isListening({ host: '127.0.0.1', port })).toBe(false);
  }, 30_000);
});
