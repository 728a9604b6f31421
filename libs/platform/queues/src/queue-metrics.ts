import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, register } from 'prom-client';

const queuesWatched = new Set<Queue>();

// Metrics live on the default registry once per process, however many workers and queues exist.
export const jobAttempts =
  (register.getSingleMetric('queue_job_attempts_total') as Counter<'queue' | 'job' | 'outcome'> | undefined) ??
  new Counter({
    name: 'queue_job_attempts_total',
    help: 'Finished job attempts by outcome: completed, retried (failed, will run again) or failed (for good).',
    labelNames: ['queue', 'job', 'outcome'],
  });

export const jobDuration =
  (register.getSingleMetric('queue_job_duration_seconds') as Histogram<'queue' | 'job'> | undefined) ??
  new Histogram({
    name: 'queue_job_duration_seconds',
    help: 'Time a processor spent on one job attempt.',
    labelNames: ['queue', 'job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
  });

export const jobsWaiting =
  (register.getSingleMetric('queue_jobs_waiting') as Gauge<'queue'> | undefined) ??
  new Gauge({
    name: 'queue_jobs_waiting',
    help: 'Jobs waiting to be picked up, read from Redis at scrape time.',
    labelNames: ['queue'],
    async collect() {
      await Promise.all([...queuesWatched].map(async (queue) => this.set({ queue: queue.name }, await queue.getWaitingCount())));
    },
  });

export function watchWaitingJobs(queue: Queue): void {
  queuesWatched.add(queue);
}

export function unwatchWaitingJobs(queue: Queue): void {
  queuesWatched.delete(queue);
  jobsWaiting.remove({ queue: queue.name });
}
