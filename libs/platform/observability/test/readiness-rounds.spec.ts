import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { register } from 'prom-client';
import { type DependencyCheck, postgresCheck, Readiness, redisCheck, tolerated } from '../src';
import { deadPort, infrastructure } from './support/infrastructure';

/** A real check that also counts how often readiness actually asked the dependency. */
function counted(check: DependencyCheck): DependencyCheck & { asked: number } {
  const counting = {
    ...check,
    asked: 0,
    probe: () => {
      counting.asked += 1;
      return check.probe();
    },
  };
  return counting;
}

/** The dependency_up sample with exactly these labels, undefined when there is none. */
async function dependencyUp(labels: { dependency: string; required: string }) {
  const samples = (await register.getSingleMetric('dependency_up')?.get())?.values ?? [];
  return samples.find(
    (sample) =>
      sample.labels.dependency === labels.dependency && sample.labels.required === labels.required,
  )?.value;
}

describe('Readiness', () => {
  const pool = new Pool({ connectionString: infrastructure.databaseUrl });
  const redis = new Redis(infrastructure.redisUrl);
  const deadRedis = new Redis({
    port: deadPort,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    // Nothing to wait for when closing a client that never connected.
    disconnectTimeout: 0,
  });
  const postgres = postgresCheck(() => pool.query('SELECT 1'));

  function readinessOf(checks: DependencyCheck[], cacheMs = 60_000): Readiness {
    return new Readiness(checks, { timeoutMs: 1_000, cacheMs });
  }

  afterAll(async () => {
    await pool.end();
    await redis.quit();
    deadRedis.disconnect();
  });

  it('is unavailable when a required dependency is down', async () => {
    const readiness = readinessOf([postgres, redisCheck(deadRedis)]);

    await expect(readiness.check()).resolves.toEqual({
      status: 'unavailable',
      dependencies: { postgres: 'up', redis: 'down' },
      degraded: [],
    });
  });

  it('stays ready when only a tolerated dependency is down, and names it as degraded', async () => {
    const readiness = readinessOf([postgres, tolerated(redisCheck(deadRedis))]);

    await expect(readiness.check()).resolves.toEqual({
      status: 'ready',
      dependencies: { postgres: 'up', redis: 'down' },
      degraded: ['redis'],
    });
  });

  it('sets dependency_up per dependency, labelled with whether it is required', async () => {
    const readiness = readinessOf([
      { ...postgres, name: 'rounds-postgres' },
      tolerated({ ...redisCheck(deadRedis), name: 'rounds-redis' }),
    ]);

    await readiness.check();

    expect(await dependencyUp({ dependency: 'rounds-postgres', required: 'true' })).toBe(1);
    expect(await dependencyUp({ dependency: 'rounds-redis', required: 'false' })).toBe(0);
    expect(await dependencyUp({ dependency: 'rounds-redis', required: 'true' })).toBeUndefined();
  });

  it('asks each dependency once for a burst of 100 concurrent probes', async () => {
    const redisAsked = counted(redisCheck(redis));
    const postgresAsked = counted(postgres);
    const readiness = readinessOf([postgresAsked, redisAsked]);

    const reports = await Promise.all(Array.from({ length: 100 }, () => readiness.check()));

    expect(redisAsked.asked).toBe(1);
    expect(postgresAsked.asked).toBe(1);
    expect(new Set(reports.map((report) => report.status))).toEqual(new Set(['ready']));
  });

  it('answers probes after a round from that round until it expires', async () => {
    const redisAsked = counted(redisCheck(redis));
    const readiness = readinessOf([redisAsked]);

    await readiness.check();
    await readiness.check();
    await readiness.check();

    expect(redisAsked.asked).toBe(1);
  });

  describe('once its cached round has expired', () => {
    // Only the clock is fake: the checks still talk to real servers over real timers.
    beforeEach(() =>
      jest.useFakeTimers({
        now: Date.now(),
        doNotFake: [
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'clearImmediate',
          'nextTick',
          'queueMicrotask',
          'hrtime',
          'performance',
        ],
      }),
    );
    afterEach(() => jest.useRealTimers());

    it('asks again, so a recovered dependency shows', async () => {
      let client = deadRedis;
      const switchable = counted({ name: 'redis', probe: () => client.ping() });
      const readiness = readinessOf([switchable], 2_000);
      await expect(readiness.check()).resolves.toMatchObject({ status: 'unavailable' });
      client = redis;

      jest.setSystemTime(Date.now() + 1_999);
      await expect(readiness.check()).resolves.toMatchObject({ status: 'unavailable' });
      jest.setSystemTime(Date.now() + 1);
      await expect(readiness.check()).resolves.toEqual({
        status: 'ready',
        dependencies: { redis: 'up' },
        degraded: [],
      });
      expect(switchable.asked).toBe(2);
    });
  });

  it('reports draining even when shutdown began while a round was running', async () => {
    const readiness = readinessOf([redisCheck(redis)]);

    const answer = readiness.check();
    readiness.beginDraining();

    await expect(answer).resolves.toEqual({ status: 'draining', dependencies: {}, degraded: [] });
  });
});
