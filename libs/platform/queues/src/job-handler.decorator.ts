import type { JobContract } from '@capstone/contracts';
import { DiscoveryService } from '@nestjs/core';

export const jobHandlerMetadata = DiscoveryService.createDecorator<JobContract>();

/**
 * Marks a provider, implementing `ProcessesJob<typeof Contract>`, as the processor of one job
 * contract; QueuesModule finds it at start-up and runs a worker for the contract's queue.
 */
export function JobHandler(contract: JobContract): ClassDecorator {
  return jobHandlerMetadata(contract);
}
