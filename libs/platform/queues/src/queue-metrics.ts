import type { Queue } from 'bullmq';
import { Metrics } from '@capstone/platform/observability';

const queuesWatched = new Set<Queue>();

export const jobAttempts = Metrics.counter({
  name: 'queue_job_attempts_total',
  help: 'Finished job attempts by outcome: completed, retried (failed, will run again) or failed (for good).',
  labelNames: ['queue', 'job', 'outcome'],
});

export const jobDuration = Metrics.histogram({
  name: 'queue_job_duration_seconds',
  help: 'Time a processor spent on one job attempt.',
  labelNames: ['queue', 'job'],
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
});

// A scrape must answer while Redis is away (that is when it matters), so Redis gets this long.
const WAITING_COUNT_BUDGET_MS = 500;

export const jobsWaiting = Metrics.gauge({
  name: 'queue_jobs_waiting',
  help: 'Jobs waiting to be picked up, read from Redis at scrape time; absent while Redis does not answer.',
  labelNames: ['queue'],
  async collect() {
    await Promise.all(
      [...queuesWatched].map(async (queue) => {
        const waiting = await withinBudget(queue.getWaitingCount());
        if (waiting === undefined) this.remove({ queue: queue.name });
        else this.set({ queue: queue.name }, waiting);
      }),
    );
  },
});

/** The count, or undefined when Redis failed or did not answer within the budget. */
async function withinBudget(count: Promise<number>): Promise<number | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), WAITING_COUNT_BUDGET_MS);
  });
  try {
    return await Promise.race([count.catch(() => undefined), budget]);
  } finally {
    clearTimeout(timer);
  }
}

export function watchWaitingJobs(queue: Queue): void {
  queuesWatched.add(queue);
}

export function unwatchWaitingJobs(queue: Queue): void {
  queuesWatched.delete(queue);
  jobsWaiting.remove({ queue: queue.name });
}
