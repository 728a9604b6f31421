import { ContractViolation, SendMail, type SendMailJob } from '@capstone/contracts';
import { Correlation } from '@capstone/platform/observability';
import { register } from 'prom-client';
import { JobProducer, JobWorker, QueueRegistry, processorFor } from '../src';
import { eventually, metricValue } from '@capstone/platform/testing';
import { isolatedPrefix, passwordResetMail, redisConnection, settledJob } from './isolated-queues';

const mailLabels = { queue: SendMail.queue, job: SendMail.name };

describe('producing and processing contract jobs on a real Redis', () => {
  let prefix: string;
  let queues: QueueRegistry;
  let producer: JobProducer;
  let workers: JobWorker[];

  beforeEach(() => {
    prefix = isolatedPrefix();
    queues = new QueueRegistry({
      connection: redisConnection,
      prefix,
      queues: [SendMail.queue],
      defaultJobOptions: { backoff: { type: 'exponential', delay: 40 } },
    });
    producer = new JobProducer(queues);
    workers = [];
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all(queues.all().map((queue) => queue.obliterate({ force: true })));
    await queues.close();
  });

  function startMailWorker(
    send: (mail: SendMailJob) => Promise<unknown>,
    concurrency?: number,
  ): JobWorker {
    const worker = new JobWorker(SendMail.queue, [processorFor(SendMail, send)], {
      connection: redisConnection,
      prefix,
      concurrency,
    });
    workers.push(worker);
    return worker;
  }

  it('rejects an invalid payload before it reaches Redis, naming the field at fault', async () => {
    const withoutRecipient = { ...passwordResetMail(), to: { email: 'not-an-address' } };

    const enqueueing = producer.enqueue(SendMail, withoutRecipient);

    await expect(enqueueing).rejects.toThrow(ContractViolation);
    await expect(enqueueing).rejects.toThrow(/to\.email/);
    expect(await queues.get(SendMail.queue).count()).toBe(0);
  });

  it('hands a valid job to its processor with the producer’s correlation id in context', async () => {
    const received: { mail: SendMailJob; correlationId?: string }[] = [];
    startMailWorker(async (mail) => {
      received.push({ mail, correlationId: Correlation.current()?.correlationId });
      return 'sent';
    });
    const mail = passwordResetMail();

    const job = await Correlation.run(
      { requestId: 'req-1', correlationId: 'forgot-password-7' },
      () => producer.enqueue(SendMail, mail, { jobId: mail.deliveryId }),
    );
    const settled = await settledJob(queues.get(SendMail.queue), String(job.id));

    expect(await settled.getState()).toBe('completed');
    expect(settled.returnvalue).toBe('sent');
    expect(received).toEqual([{ mail, correlationId: 'forgot-password-7' }]);
  });

  it('gives every job the conventional retries and retention, keeping what the service overrides', async () => {
    const job = await producer.enqueue(SendMail, passwordResetMail());

    expect(job.opts).toMatchObject({
      attempts: 5,
      backoff: { type: 'exponential', delay: 40 },
      removeOnComplete: { age: 24 * 3_600, count: 1_000 },
      removeOnFail: { age: 7 * 24 * 3_600 },
    });
  });

  it('runs as many jobs at once as its configured concurrency, and no more', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    startMailWorker(async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await released;
      running -= 1;
    }, 2);

    const jobs = await Promise.all(
      [1, 2, 3].map(() => producer.enqueue(SendMail, passwordResetMail())),
    );
    await eventually(() => expect(running).toBe(2));
    release();
    await Promise.all(jobs.map((job) => settledJob(queues.get(SendMail.queue), String(job.id))));

    expect(mostAtOnce).toBe(2);
  });

  it('retries a transiently failing job with exponential backoff until it succeeds', async () => {
    const [retriedBefore, completedBefore] = await Promise.all([
      metricValue('queue_job_attempts_total', { ...mailLabels, outcome: 'retried' }),
      metricValue('queue_job_attempts_total', { ...mailLabels, outcome: 'completed' }),
    ]);
    const attemptTimes: number[] = [];
    startMailWorker(async () => {
      attemptTimes.push(Date.now());
      if (attemptTimes.length < 3) throw new Error('SMTP server busy');
      return 'sent';
    });

    const job = await producer.enqueue(SendMail, passwordResetMail());
    const settled = await settledJob(queues.get(SendMail.queue), String(job.id));

    expect(await settled.getState()).toBe('completed');
    expect(settled.attemptsMade).toBe(3);
    expect(attemptTimes[1] - attemptTimes[0]).toBeGreaterThanOrEqual(40);
    expect(attemptTimes[2] - attemptTimes[1]).toBeGreaterThanOrEqual(80);
    expect(
      await metricValue('queue_job_attempts_total', { ...mailLabels, outcome: 'retried' }),
    ).toBe(retriedBefore + 2);
    expect(
      await metricValue('queue_job_attempts_total', { ...mailLabels, outcome: 'completed' }),
    ).toBe(completedBefore + 1);
    expect(await register.getSingleMetricAsString('queue_job_duration_seconds')).toMatch(
      /queue_job_duration_seconds_count\{queue="mail",job="send-mail"\} [1-9]/,
    );
  });

  it.each([
    [
      'a payload that breaks its contract',
      'send-mail',
      { correlationId: 'c-1', payload: { template: 'newsletter' } },
    ],
    ['a payload sent without the job envelope', 'send-mail', passwordResetMail()],
    [
      'a job name no processor handles',
      'send-newsletter',
      { correlationId: 'c-2', payload: passwordResetMail() },
    ],
  ])(
    'fails %s at once, without retrying and without calling the processor',
    async (_case, name, data) => {
      const failedBefore = await metricValue('queue_job_attempts_total', {
        queue: SendMail.queue,
        job: name,
        outcome: 'failed',
      });
      const send = jest.fn(async () => 'sent');
      startMailWorker(send);

      const poisoned = await queues.get(SendMail.queue).add(name, data);
      const settled = await settledJob(queues.get(SendMail.queue), String(poisoned.id));

      expect(await settled.getState()).toBe('failed');
      expect(settled.attemptsMade).toBe(1);
      expect(send).not.toHaveBeenCalled();
      expect(
        await metricValue('queue_job_attempts_total', {
          queue: SendMail.queue,
          job: name,
          outcome: 'failed',
        }),
      ).toBe(failedBefore + 1);
    },
  );

  it('adds one job when the same delivery is enqueued twice with its id as jobId', async () => {
    const mail = passwordResetMail();

    const first = await producer.enqueue(SendMail, mail, { jobId: mail.deliveryId });
    const second = await producer.enqueue(SendMail, mail, { jobId: mail.deliveryId });

    expect(second.id).toBe(first.id);
    expect(await queues.get(SendMail.queue).count()).toBe(1);
  });

  it('counts the jobs waiting in each queue when metrics are scraped', async () => {
    await producer.enqueue(SendMail, passwordResetMail());
    await producer.enqueue(SendMail, passwordResetMail());

    expect(await metricValue('queue_jobs_waiting', { queue: SendMail.queue })).toBe(2);
  });

  it('lets the job in progress finish when the worker shuts down', async () => {
    let jobStarted!: () => void;
    const started = new Promise<void>((resolve) => (jobStarted = resolve));
    let allowFinish!: () => void;
    const mayFinish = new Promise<void>((resolve) => (allowFinish = resolve));
    const events: string[] = [];
    const worker = startMailWorker(async () => {
      jobStarted();
      await mayFinish;
      events.push('job finished');
      return 'sent';
    });
    const job = await producer.enqueue(SendMail, passwordResetMail());
    await started;

    const closing = worker.close().then(() => events.push('worker closed'));
    allowFinish();
    await closing;

    expect(events).toEqual(['job finished', 'worker closed']);
    expect(await (await queues.get(SendMail.queue).getJob(String(job.id)))?.getState()).toBe(
      'completed',
    );
  });
});
