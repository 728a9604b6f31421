import type { JobContract, JobPayloadOf } from '@capstone/contracts';
import type { Job } from 'bullmq';

/** The work done for one job contract: it receives the payload already validated against it. */
export interface ProcessesJob<C extends JobContract = JobContract> {
  process(payload: JobPayloadOf<C>, job: Job): Promise<unknown>;
}

export interface JobProcessor<C extends JobContract = JobContract> extends ProcessesJob<C> {
  readonly contract: C;
}

/** Pairs a contract with the function that processes it, for workers started outside Nest. */
export function processorFor<C extends JobContract>(
  contract: C,
  process: (payload: JobPayloadOf<C>, job: Job) => Promise<unknown>,
): JobProcessor<C> {
  return { contract, process };
}
