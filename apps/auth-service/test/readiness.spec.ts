import { startPrivateRedis, type PrivateRedis } from '@capstone/platform/testing';
import { logIn, register } from './accounts';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import { dependencyUpMetric, everythingUp, readinessBecomes } from './readiness';

describe('auth-service readiness', () => {
  let redis: PrivateRedis;
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    // A Redis of this file's own, so stopping it takes nothing from other tests.
    redis = await startPrivateRedis();
    service = await startAuthService('readiness', { environment: { REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    await service.close();
    await redis.remove();
  });

  it('is unready while its Redis is down, since logins fail closed without it, and ready again once it is back', async () => {
    const account = await register(service);
    await readinessBecomes(service, everythingUp);

    await redis.stop();
    try {
      await readinessBecomes(service, {
        status: 503,
        body: {
          status: 'unavailable',
          dependencies: { postgres: 'up', redis: 'down', kafka: 'up' },
          degraded: [],
        },
      });
      expect(await dependencyUpMetric(service, 'redis', true)).toBe(0);
    } finally {
      await redis.start();
    }

    await readinessBecomes(service, everythingUp);
    expect(await dependencyUpMetric(service, 'redis', true)).toBe(1);
    await logIn(service, account);
  });
});
