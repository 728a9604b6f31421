import { Metrics } from '@capstone/platform/observability';

export const outboxUnpublished = Metrics.gauge({
  name: 'outbox_unpublished_events',
  help: 'Outbox rows not yet acknowledged by Kafka.',
});

export const outboxOldestUnpublishedAge = Metrics.gauge({
  name: 'outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest unpublished outbox row: how far Kafka lags behind committed changes.',
});

export const outboxPublishFailures = Metrics.counter({
  name: 'outbox_publish_failures_total',
  help: 'Outbox batches Kafka did not acknowledge; the relay backs off and retries them.',
});

export const consumedMessages = Metrics.counter({
  name: 'event_consumer_messages_total',
  help: 'Messages a consumer group finished with, by outcome: processed, duplicate, ignored (no handler), unknown_type, dead_lettered.',
  labelNames: ['consumer_group', 'topic', 'outcome'] as const,
});

export const handlerRetries = Metrics.counter({
  name: 'event_consumer_retries_total',
  help: 'Handler attempts that failed and were retried in process.',
  labelNames: ['consumer_group', 'topic'] as const,
});
