import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Kafka } from 'kafkajs';
import { EventConsumer, type RetryPolicy } from '../consumer/event-consumer';
import { createKafka } from '../kafka/kafka-client';
import { KafkaHealthCheck } from '../kafka/kafka-health-check';
import { KafkaTopics } from '../kafka/kafka-topics';
import { Outbox } from '../outbox/outbox';
import { OutboxRelay, type OutboxRelayOptions } from '../outbox/outbox-relay';
import type { SqlTransactions } from '../sql-executor';

export interface EventsModuleOptions {
  /** The service name: Kafka client id and consumer group (under topicPrefix, when there is one). */
  service: string;
  brokers: string[];
  /** The service's database, for the relay's dedicated LISTEN connection. */
  databaseUrl: string;
  partitions: number;
  topicPrefix?: string;
  relay?: Pick<
    OutboxRelayOptions,
    'batchSize' | 'pollIntervalMs' | 'backoff' | 'retentionMs' | 'processedRetentionMs'
  >;
  consumer?: { retry?: RetryPolicy; partitionsConsumedConcurrently?: number };
}

export interface EventsModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...dependencies: never[]) => EventsModuleOptions | Promise<EventsModuleOptions>;
}

const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

// A topic prefix isolates a whole environment (a test file, a benchmark run): its consumer group too,
// or every copy of the service would join one group and rebalance against the others.
function consumerGroup({ service, topicPrefix }: EventsModuleOptions): string {
  return topicPrefix ? `${topicPrefix}.${service}` : service;
}

/**
 * Outbox, relay, consumer and the Kafka readiness check for one service. The relay and the
 * consumer start when the application has bootstrapped (after every feature registered its
 * handlers) and stop on shutdown.
 */
@Module({})
export class EventsModule {
  static forRootAsync(options: EventsModuleAsyncOptions): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: EVENTS_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: Kafka,
          inject: [EVENTS_OPTIONS],
          useFactory: (settings: EventsModuleOptions) =>
            createKafka({ clientId: settings.service, brokers: settings.brokers }),
        },
        {
          provide: KafkaTopics,
          inject: [Kafka, EVENTS_OPTIONS],
          useFactory: (kafka: Kafka, settings: EventsModuleOptions) =>
            new KafkaTopics(kafka, {
              partitions: settings.partitions,
              prefix: settings.topicPrefix,
            }),
        },
        {
          provide: KafkaHealthCheck,
          inject: [Kafka],
          useFactory: (kafka: Kafka) => new KafkaHealthCheck(kafka),
        },
        Outbox,
        {
          provide: OutboxRelay,
          inject: [Kafka, KafkaTopics, EVENTS_OPTIONS],
          useFactory: (kafka: Kafka, topics: KafkaTopics, settings: EventsModuleOptions) =>
            new OutboxRelay({
              ...settings.relay,
              databaseUrl: settings.databaseUrl,
              kafka,
              topics,
            }),
        },
        {
          provide: EventConsumer,
          inject: [Kafka, KafkaTopics, TransactionHost, EVENTS_OPTIONS],
          useFactory: (
            kafka: Kafka,
            topics: KafkaTopics,
            transactions: TransactionHost<SqlTransactions>,
            settings: EventsModuleOptions,
          ) =>
            new EventConsumer({
              ...settings.consumer,
              kafka,
              topics,
              groupId: consumerGroup(settings),
              transactions,
            }),
        },
      ],
      exports: [Outbox, OutboxRelay, EventConsumer, KafkaTopics, KafkaHealthCheck],
    };
  }
}
