import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ApplicationConfig, DiscoveryModule, HttpAdapterHost } from '@nestjs/core';
import { JobProducer } from './job-producer';
import { mountQueueDashboard } from './queue-dashboard';
import { QueueRegistry } from './queue-registry';
import { QueueWorkers } from './queue-workers';
import { ConfigurableQueuesModule, QUEUES_OPTIONS, type QueuesOptions } from './queues.options';

/**
 * `QueuesModule.forRoot({ connection, prefix, queues: [SendMail.queue] })` once in the app module:
 * inject `JobProducer` to enqueue, add `@JobHandler` providers to process, close on shutdown.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: QueueRegistry,
      useFactory: (options: QueuesOptions) => new QueueRegistry(options),
      inject: [QUEUES_OPTIONS],
    },
    {
      provide: JobProducer,
      useFactory: (queues: QueueRegistry) => new JobProducer(queues),
      inject: [QueueRegistry],
    },
    QueueWorkers,
  ],
  exports: [JobProducer, QueueRegistry],
})
export class QueuesModule
  extends ConfigurableQueuesModule
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  constructor(
    @Inject(QUEUES_OPTIONS) private readonly options: QueuesOptions,
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
    @Inject(ApplicationConfig) private readonly application: ApplicationConfig,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {
    super();
  }

  // After every module's onModuleInit, so the request hooks modules add there (a login gate) are
  // in place when the dashboard's plugin inherits them; still before Fastify is ready.
  onApplicationBootstrap(): void {
    if (this.options.dashboard) {
      mountQueueDashboard(
        this.adapterHost.httpAdapter.getInstance(),
        this.queues.all(),
        this.options.dashboard,
        this.application.getGlobalPrefix(),
      );
    }
  }

  // Workers have stopped in beforeApplicationShutdown, so no job is still writing to these queues.
  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}
