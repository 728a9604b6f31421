import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { QueueDashboardOptions } from './queue-dashboard';
import type { QueueRegistryOptions } from './queue-registry';

export interface QueuesOptions extends QueueRegistryOptions {
  /** Jobs run at once per queue by this process, from config; a queue not listed runs one at a time. */
  concurrency?: Readonly<Record<string, number>>;
  /** Serves Bull Board for the declared queues, only to requests `authorize` lets through. */
  dashboard?: QueueDashboardOptions;
}

export const {
  ConfigurableModuleClass: ConfigurableQueuesModule,
  MODULE_OPTIONS_TOKEN: QUEUES_OPTIONS,
} = new ConfigurableModuleBuilder<QueuesOptions>().setClassMethodName('forRoot').build();
