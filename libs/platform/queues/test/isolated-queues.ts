import { randomUUID } from 'node:crypto';
import type { SendMailJob } from '@capstone/contracts';
import { eventually, testEndpoints, testRedisPrefix } from '@capstone/platform/testing';
import type { Job, Queue } from 'bullmq';

export const redisConnection = { url: testEndpoints.redisUrl };

/** A queue prefix no other test shares, so parallel test files never see each other's jobs. */
export function isolatedPrefix(): string {
  return testRedisPrefix('queues');
}

export function passwordResetMail(deliveryId: string = randomUUID()): SendMailJob {
  return {
    deliveryId,
    to: { email: 'alice@example.com' },
    template: 'password-reset',
    variables: {
      resetUrl: 'https://capstone.dev/reset?token=abc',
      expiresAt: '2026-11-21T16:00:00.000Z',
    },
  };
}

/** Resolves once BullMQ has finished with the job (completed, or failed for good), within a deadline. */
export function settledJob(queue: Queue, jobId: string, timeoutMs = 10_000): Promise<Job> {
  return eventually(
    async () => {
      const job = await queue.getJob(jobId);
      if (!job?.finishedOn) throw new Error(`job ${jobId} has not finished`);
      return job;
    },
    { timeoutMs, intervalMs: 20 },
  );
}
