import type { EventEnvelope } from '@capstone/contracts';
import { toCorrelationHeaders, type CorrelationContext } from '@capstone/platform/observability';
import type { IHeaders } from 'kafkajs';

const eventTypeHeader = 'x-event-type';

const deadLetterHeaderNames = {
  error: 'x-dlq-error',
  attempts: 'x-dlq-attempts',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  consumerGroup: 'x-dlq-consumer-group',
} as const;

export type StoredHeaders = Record<string, string>;

/** Headers an event carries from its outbox row to every consumer: its causal chain, trace and type. */
export function eventHeaders(
  event: EventEnvelope,
  context: CorrelationContext | undefined,
): StoredHeaders {
  return {
    ...toCorrelationHeaders({
      correlationId: event.correlationId,
      causationId: event.causationId ?? undefined,
      traceparent: context?.traceparent,
    }),
    [eventTypeHeader]: `${event.type}@v${event.version}`,
  };
}

/** The dead-letter copy keeps every original header and adds why, how often and where it failed. */
export function withDeadLetterHeaders(
  original: IHeaders | undefined,
  details: Record<keyof typeof deadLetterHeaderNames, string>,
): IHeaders {
  const added = Object.entries(details).map(([field, value]) => [
    deadLetterHeaderNames[field as keyof typeof deadLetterHeaderNames],
    value,
  ]);
  return { ...original, ...Object.fromEntries(added) };
}
