import { describeWhenKafkaIsOurs, managedKafka } from '@capstone/platform/testing';
import { logIn, register } from './accounts';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import { dependencyUpMetric, everythingUp, readinessBecomes } from './readiness';

describeWhenKafkaIsOurs('auth-service readiness across a Kafka outage', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('readiness-outage');
  });

  afterAll(() => service.close());

  it('stays ready with Kafka degraded while it is down, logs users in meanwhile, and clears the flag once Kafka is back', async () => {
    const kafka = await managedKafka();
    if (!kafka) throw new Error('Kafka stopped being capstone-managed during the run');
    const account = await register(service);
    await readinessBecomes(service, everythingUp);

    await kafka.stop();
    try {
      const codesDuringOutage = await readinessBecomes(
        service,
        {
          status: 200,
          body: {
            status: 'ready',
            dependencies: { postgres: 'up', redis: 'up', kafka: 'down' },
            degraded: ['kafka'],
          },
        },
        30_000,
      );
      expect(new Set(codesDuringOutage)).toEqual(new Set([200]));
      expect(await dependencyUpMetric(service, 'kafka', false)).toBe(0);

      await logIn(service, account);
      // Writes go on too: the registration's event waits in the outbox.
      await register(service);
    } finally {
      await kafka.start();
    }

    await readinessBecomes(service, everythingUp, 60_000);
    expect(await dependencyUpMetric(service, 'kafka', false)).toBe(1);
  });
});
