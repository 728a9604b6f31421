import type { EventEnvelope } from '@capstone/contracts';
import type { IHeaders } from 'kafkajs';

/**
 * The Kafka headers this library writes and reads, in one place so that they can follow
 * observability's header helpers once those exist. Values are strings on the wire.
 */
export const eventHeaderNames = {
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
  eventType: 'x-event-type',
} as const;

export const deadLetterHeaderNames = {
  error: 'x-dlq-error',
  attempts: 'x-dlq-attempts',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  consumerGroup: 'x-dlq-consumer-group',
} as const;

export type StoredHeaders = Record<string, string>;

/** Headers an event carries from the outbox row to every consumer. */
export function eventHeaders(event: EventEnvelope): StoredHeaders {
  return {
    [eventHeaderNames.correlationId]: event.correlationId,
    ...(event.causationId ? { [eventHeaderNames.causationId]: event.causationId } : {}),
    [eventHeaderNames.eventType]: `${event.type}@v${event.version}`,
  };
}

/** kafkajs hands header values over as Buffers; the dead-letter copy keeps them as they came. */
export function withDeadLetterHeaders(original: IHeaders | undefined, details: Record<keyof typeof deadLetterHeaderNames, string>): IHeaders {
  const added = Object.fromEntries(
    Object.entries(details).map(([field, value]) => [deadLetterHeaderNames[field as keyof typeof deadLetterHeaderNames], value]),
  );
  return { ...original, ...added };
}
