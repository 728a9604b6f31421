import { SendMail } from '@capstone/contracts';
import { eventually, startPrivateRedis, type PrivateRedis } from '@capstone/platform/testing';
import { register } from 'prom-client';
import { JobProducer, QueueRegistry } from '../src';
import { isolatedPrefix, passwordResetMail } from './isolated-queues';

/** The queue_jobs_waiting line of the mail queue in a scrape, or undefined when it has none. */
function waitingLine(scrape: string): string | undefined {
  return scrape.split('\n').find((line) => line.startsWith('queue_jobs_waiting{queue="mail"}'));
}

describe('queue metrics while Redis is away', () => {
  let redis: PrivateRedis;
  let queues: QueueRegistry;

  beforeAll(async () => {
    // A Redis of this file's own: the test takes it away.
    redis = await startPrivateRedis();
    queues = new QueueRegistry({
      connection: { url: redis.url },
      prefix: isolatedPrefix(),
      queues: [SendMail.queue],
    });
  });

  afterAll(async () => {
    await queues.close();
    await redis.remove();
  });

  it('answers a scrape at once, leaving out the waiting count it cannot read, and reports it again once Redis is back', async () => {
    await new JobProducer(queues).enqueue(SendMail, passwordResetMail());
    expect(waitingLine(await register.metrics())).toBe('queue_jobs_waiting{queue="mail"} 1');

    await redis.stop();
    try {
      const startedAt = Date.now();
      const scrape = await register.metrics();

      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(waitingLine(scrape)).toBeUndefined();
      expect(scrape).toContain('# TYPE queue_job_attempts_total counter');
    } finally {
      await redis.start();
    }

    // The private Redis keeps nothing across a restart, so the queue comes back empty.
    await eventually(async () =>
      expect(waitingLine(await register.metrics())).toBe('queue_jobs_waiting{queue="mail"} 0'),
    );
  });
});
