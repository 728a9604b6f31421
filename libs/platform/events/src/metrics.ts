import { Counter, Gauge, register } from 'prom-client';

// Every relay and consumer in a process (tests, several modules) shares one set of metrics.
function counter<TLabel extends string>(name: string, help: string, labelNames: readonly TLabel[]) {
  return (register.getSingleMetric(name) as Counter<TLabel> | undefined) ?? new Counter({ name, help, labelNames });
}

function gauge(name: string, help: string) {
  return (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help });
}

export const outboxUnpublished = gauge('outbox_unpublished_events', 'Outbox rows not yet acknowledged by Kafka.');

export const outboxOldestUnpublishedAge = gauge(
  'outbox_oldest_unpublished_age_seconds',
  'Age of the oldest unpublished outbox row: how far Kafka lags behind committed changes.',
);

export const outboxPublishFailures = counter(
  'outbox_publish_failures_total',
  'Outbox batches Kafka did not acknowledge; the relay backs off and retries them.',
  [],
);

export const consumedMessages = counter(
  'event_consumer_messages_total',
  'Messages a consumer group finished with, by outcome: processed, duplicate, ignored (no handler), unknown_type, dead_lettered.',
  ['consumer_group', 'topic', 'outcome'],
);

export const handlerRetries = counter(
  'event_consumer_retries_total',
  'Handler attempts that failed and were retried in process.',
  ['consumer_group', 'topic'],
);
