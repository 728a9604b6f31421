import { Queue } from 'bullmq';
import { awaitQueueJob, testEndpoints, testRedisPrefix } from '../src';

describe('awaiting a queue job', () => {
  const queue = new Queue('mail', {
    connection: { url: testEndpoints.redisUrl },
    prefix: testRedisPrefix('await-queue-job'),
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('resolves with the first matching job, even one enqueued after the wait began', async () => {
    await queue.add('send-mail', { to: 'bob@example.com' });

    const waiting = awaitQueueJob<{ to: string }>(
      queue,
      (job) => job.data.to === 'ada@example.com',
    );
    await queue.add('send-mail', { to: 'ada@example.com' });

    expect(await waiting).toMatchObject({ name: 'send-mail', data: { to: 'ada@example.com' } });
  });

  it('fails at the deadline, naming the queue it watched', async () => {
    await expect(
      awaitQueueJob(queue, (job) => job.name === 'never-enqueued', { timeoutMs: 200 }),
    ).rejects.toThrow(/still failing after 200 ms: no job on queue mail matched/);
  });
});
