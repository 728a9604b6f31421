export {
  EventConsumer,
  type EventConsumerOptions,
  type EventHandler,
  type RetryPolicy,
} from './consumer/event-consumer';
export { createKafka, type KafkaSettings } from './kafka/kafka-client';
export { KafkaHealthCheck } from './kafka/kafka-health-check';
export { KafkaPublisher } from './kafka/kafka-publisher';
export { deadLetterTopic, KafkaTopics, type TopicSettings } from './kafka/kafka-topics';
export {
  EventsModule,
  type EventsModuleAsyncOptions,
  type EventsModuleOptions,
} from './nest/events.module';
export { Outbox, OutboxOutsideTransaction } from './outbox/outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { backoffDelay, type BackoffPolicy } from './retry/backoff';
export {
  afterCommit,
  AfterCommitOutsideHookedTransaction,
  withCommitHooks,
  type CommitHook,
} from './transactions/commit-hooks';
export {
  TransactionsModule,
  type TransactionsModuleOptions,
} from './transactions/transactions.module';
