import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { jobHandlerMetadata } from './job-handler.decorator';
import type { JobProcessor, ProcessesJob } from './job-processor';
import { JobWorker } from './job-worker';
import { QUEUES_OPTIONS, type QueuesOptions } from './queues.options';

/** One worker per queue that has `@JobHandler` providers in this app, closed before the queues are. */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private workers: JobWorker[] = [];

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(QUEUES_OPTIONS) private readonly options: QueuesOptions,
  ) {}

  onApplicationBootstrap(): void {
    const processors = this.discoverProcessors();
    const queues = new Set(processors.map((processor) => processor.contract.queue));
    const undeclared = [...queues].filter((queue) => !this.options.queues.includes(queue));
    if (undeclared.length > 0)
      throw new Error(`@JobHandler for undeclared queues: ${undeclared.join(', ')}`);
    const { connection, prefix, concurrency = {} } = this.options;
    this.workers = [...queues].map((queue) => {
      const processorsOfQueue = processors.filter(
        (processor) => processor.contract.queue === queue,
      );
      return new JobWorker(queue, processorsOfQueue, {
        connection,
        prefix,
        concurrency: concurrency[queue],
      });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private discoverProcessors(): JobProcessor[] {
    return this.discovery.getProviders({ metadataKey: jobHandlerMetadata.KEY }).map((wrapper) => {
      const contract = this.discovery.getMetadataByDecorator(jobHandlerMetadata, wrapper);
      const handler = wrapper.instance as ProcessesJob | undefined;
      if (!contract || !handler)
        throw new Error(`@JobHandler ${wrapper.name} must be a singleton provider`);
      return { contract, process: (payload, job) => handler.process(payload, job) };
    });
  }
}
