import { randomUUID } from 'node:crypto';
import type { SendMailJob } from '@capstone/contracts';
import type { Job, Queue } from 'bullmq';

export const redisConnection = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };

/** A queue prefix no other test shares, so parallel test files never see each other's jobs. */
export function isolatedPrefix(): string {
  return `test-queues-${randomUUID()}`;
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

/** Polls Redis until BullMQ has finished with the job (completed, or failed for good), within a deadline. */
export async function settledJob(queue: Queue, jobId: string, timeoutMs = 10_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job?.finishedOn) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
