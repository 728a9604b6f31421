import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';

/** Where queues live: a Redis connection and a key prefix per environment (and per test file). */
export interface QueueConnection {
  /** BullMQ connection options, usually `{ url: config.REDIS_URL }`. */
  connection: ConnectionOptions;
  /** Namespaces every queue key, e.g. `capstone-dev`; tests use a unique prefix per file. */
  prefix: string;
}

const HOUR_SECONDS = 3_600;

/**
 * Every job retries transient failures with exponential backoff (1s, 2s, 4s, 8s) and stays in
 * Redis long enough to inspect on the dashboard, but not forever.
 */
export const conventionalJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * HOUR_SECONDS, count: 1_000 },
  removeOnFail: { age: 7 * 24 * HOUR_SECONDS },
} satisfies DefaultJobOptions;
