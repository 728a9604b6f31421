import type { JobContract } from '@capstone/contracts';
import type { Job } from 'bullmq';
import type { z } from 'zod';
import { sealJob, type JobEnvelope } from './job-envelope';
import type { QueueRegistry } from './queue-registry';

export interface EnqueueOptions {
  /**
   * A deterministic id such as the deliveryId: enqueueing the same id again returns the existing
   * job instead of adding a second one, for as long as the job is retained.
   */
  jobId?: string;
  delayMs?: number;
}

/** Adds jobs to their contract's queue, validated before they leave the process. */
export class JobProducer {
  constructor(private readonly queues: QueueRegistry) {}

  /** Throws ContractViolation, naming each field at fault, when the payload breaks the contract. */
  async enqueue<TSchema extends z.ZodType>(
    contract: JobContract<string, TSchema>,
    payload: z.input<TSchema>,
    { jobId, delayMs }: EnqueueOptions = {},
  ): Promise<Job<JobEnvelope<z.output<TSchema>>>> {
    const envelope = sealJob(contract, payload);
    return this.queues.get(contract.queue).add(contract.name, envelope, { jobId, delay: delayMs });
  }
}
