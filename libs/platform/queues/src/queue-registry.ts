import { jobContracts } from '@capstone/contracts';
import { Logger } from '@nestjs/common';
import { Queue, type DefaultJobOptions } from 'bullmq';
import { conventionalJobOptions, type QueueConnection } from './queue-conventions';
import { unwatchWaitingJobs, watchWaitingJobs } from './queue-metrics';

export interface QueueRegistryOptions extends QueueConnection {
  /** The queues this service uses; each must have a job contract in @capstone/contracts. */
  queues: readonly string[];
  /** Overrides of the conventional job options, e.g. a shorter backoff in tests. */
  defaultJobOptions?: DefaultJobOptions;
}

/** The BullMQ queues a service declared, opened once with the shared conventions. */
export class QueueRegistry {
  private readonly logger = new Logger(QueueRegistry.name);
  private readonly queues = new Map<string, Queue>();

  constructor({ connection, prefix, queues, defaultJobOptions }: QueueRegistryOptions) {
    const uncontracted = queues.filter(
      (name) => !jobContracts.some((contract) => contract.queue === name),
    );
    if (uncontracted.length > 0) {
      throw new Error(
        `No job contract in @capstone/contracts for queues: ${uncontracted.join(', ')}`,
      );
    }
    for (const name of queues) {
      const queue = new Queue(name, {
        connection,
        prefix,
        defaultJobOptions: { ...conventionalJobOptions, ...defaultJobOptions },
      });
      queue.on('error', (error) => this.logger.error(`Queue "${name}": ${error.message}`));
      watchWaitingJobs(queue);
      this.queues.set(name, queue);
    }
  }

  get(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue)
      throw new Error(`Queue "${name}" is not declared; add it to the queues this service uses`);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  /** One round trip over each queue's own Redis connection, for readiness (`redisCheck(queues)`). */
  async ping(): Promise<void> {
    // BullMQ's client interface has no PING; INFO is the same round trip.
    await Promise.all(this.all().map(async (queue) => (await queue.getBackend().client).info()));
  }

  async close(): Promise<void> {
    for (const queue of this.queues.values()) unwatchWaitingJobs(queue);
    await Promise.all(this.all().map((queue) => queue.close()));
  }
}
