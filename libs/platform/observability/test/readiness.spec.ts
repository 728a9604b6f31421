import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import request from 'supertest';
import { postgresCheck, Readiness, redisCheck, tolerated } from '../src';
import { deadPort, infrastructure } from './support/infrastructure';
import { LogCapture } from './support/log-capture';
import { startObservedApp } from './support/observed-app';

describe('health endpoints', () => {
  const logs = new LogCapture();
  const pool = new Pool({ connectionString: infrastructure.databaseUrl });
  const redis = new Redis(infrastructure.redisUrl);
  const apps: INestApplication[] = [];

  async function serviceWith(
    readiness?: Parameters<typeof startObservedApp>[1],
  ): Promise<INestApplication> {
    const app = await startObservedApp(logs, readiness);
    apps.push(app);
    return app;
  }

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await pool.end();
    redis.disconnect();
  });

  it('answers /health/live while the process runs, whatever its dependencies do', async () => {
    const app = await serviceWith();

    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'alive' });
  });

  it('reports ready when the real Postgres and Redis both answer', async () => {
    const app = await serviceWith({
      useFactory: () => [postgresCheck(() => pool.query('SELECT 1')), redisCheck(redis)],
      // Generous, so a busy CI machine does not turn a slow answer into a failure.
      timeoutMs: 10_000,
    });

    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(200, {
        status: 'ready',
        dependencies: { postgres: 'up', redis: 'up' },
        degraded: [],
      });
  });

  it('stays ready with 200 and lists a tolerated dependency that is down as degraded', async () => {
    const deadRedis = new Redis({ port: deadPort, lazyConnect: true });
    const app = await serviceWith({
      useFactory: () => [
        postgresCheck(() => pool.query('SELECT 1')),
        tolerated(redisCheck(deadRedis)),
      ],
      timeoutMs: 500,
    });

    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(200, {
        status: 'ready',
        dependencies: { postgres: 'up', redis: 'down' },
        degraded: ['redis'],
      });
    deadRedis.disconnect();
  });

  it('answers 503 naming Redis when Redis points at a dead port, and logs why', async () => {
    const deadRedis = new Redis({ port: deadPort, lazyConnect: true });
    const app = await serviceWith({
      useFactory: () => [postgresCheck(() => pool.query('SELECT 1')), redisCheck(deadRedis)],
      timeoutMs: 500,
    });

    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(503, {
        status: 'unavailable',
        dependencies: { postgres: 'up', redis: 'down' },
        degraded: [],
      });
    await expect(
      logs.waitFor((line) => line.msg === 'readiness check failed' && line.dependency === 'redis'),
    ).resolves.toMatchObject({
      level: 'warn',
      dependency: 'redis',
    });
    deadRedis.disconnect();
  });

  it('answers 503 naming Postgres when its port is dead', async () => {
    const deadPool = new Pool({
      connectionString: `postgresql://postgres@127.0.0.1:${deadPort}/postgres`,
    });
    const app = await serviceWith({
      useFactory: () => [postgresCheck(() => deadPool.query('SELECT 1')), redisCheck(redis)],
    });

    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(503, {
        status: 'unavailable',
        dependencies: { postgres: 'down', redis: 'up' },
        degraded: [],
      });
    await deadPool.end();
  });

  it('injects the service’s own clients into its readiness checks', async () => {
    const app = await serviceWith({
      inject: ['REDIS_CLIENT'],
      imports: [
        {
          module: class RedisModule {},
          providers: [{ provide: 'REDIS_CLIENT', useValue: redis }],
          exports: ['REDIS_CLIENT'],
        },
      ],
      useFactory: (client: Redis) => [redisCheck(client)],
    });

    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(200, { status: 'ready', dependencies: { redis: 'up' }, degraded: [] });
  });

  it('answers 503 draining once shutdown has begun, without asking the dependencies', async () => {
    const app = await serviceWith({ useFactory: () => [redisCheck(redis)] });

    app.get(Readiness).beginDraining();

    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(503, { status: 'draining', dependencies: {}, degraded: [] });
  });
});
