import type { ContractViolation } from '@capstone/contracts';
import { Correlation } from '@capstone/platform/observability';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { openJob, type JobEnvelope } from './job-envelope';
import type { JobProcessor } from './job-processor';
import type { QueueConnection } from './queue-conventions';
import { jobAttempts, jobDuration } from './queue-metrics';

export interface JobWorkerOptions extends QueueConnection {
  /** Jobs this process runs at once; defaults to 1. */
  concurrency?: number;
}

/**
 * Runs the jobs of one queue through the processor registered for each job name. A job that
 * breaks its contract, or has no processor, fails at once: retrying cannot make it valid.
 */
export class JobWorker {
  private readonly logger = new Logger(JobWorker.name);
  private readonly processors: ReadonlyMap<string, JobProcessor>;
  private readonly worker: Worker;

  constructor(
    readonly queue: string,
    processors: readonly JobProcessor[],
    { connection, prefix, concurrency = 1 }: JobWorkerOptions,
  ) {
    this.processors = new Map(processors.map((processor) => [processor.contract.name, processor]));
    for (const { contract } of processors) {
      if (contract.queue !== queue)
        throw new Error(
          `${contract.queue}/${contract.name} cannot be processed on queue "${queue}"`,
        );
    }
    if (this.processors.size !== processors.length)
      throw new Error(`Queue "${queue}" has two processors for one job name`);

    this.worker = new Worker(queue, (job) => this.run(job), { connection, prefix, concurrency });
    this.worker.on('completed', (job) =>
      jobAttempts.inc({ queue, job: job.name, outcome: 'completed' }),
    );
    // BullMQ sets finishedOn only when it gives up on a job; otherwise the job is scheduled again.
    this.worker.on('failed', (job) => {
      if (job)
        jobAttempts.inc({ queue, job: job.name, outcome: job.finishedOn ? 'failed' : 'retried' });
    });
    this.worker.on('error', (error) =>
      this.logger.error(`Worker for queue "${queue}": ${error.message}`),
    );
  }

  /** Stops taking jobs and resolves once the jobs already running have finished. */
  close(): Promise<void> {
    return this.worker.close();
  }

  private async run(job: Job): Promise<unknown> {
    const processor = this.processors.get(job.name);
    if (!processor)
      throw this.reject(job, `no processor for job "${job.name}" on queue "${this.queue}"`);
    const { correlationId, payload } = this.open(processor, job);
    return Correlation.run({ requestId: `${this.queue}/${job.id}`, correlationId }, async () => {
      const stopTimer = jobDuration.startTimer({ queue: this.queue, job: job.name });
      try {
        return await processor.process(payload, job);
      } catch (error) {
        this.logger.warn(
          `${this.queue}/${job.name} job ${job.id} failed on attempt ${job.attemptsMade + 1} (correlation ${correlationId}): ${(error as Error).message}`,
        );
        throw error;
      } finally {
        stopTimer();
      }
    });
  }

  private open(processor: JobProcessor, job: Job): JobEnvelope {
    try {
      return openJob(processor.contract, job.data);
    } catch (violation) {
      throw this.reject(job, (violation as ContractViolation).message);
    }
  }

  private reject(job: Job, reason: string): UnrecoverableError {
    this.logger.error(`${this.queue} job ${job.id} rejected without retry: ${reason}`);
    return new UnrecoverableError(reason);
  }
}
