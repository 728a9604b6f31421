import type { EventEnvelope } from '@capstone/contracts';
import type { CorrelationContext } from '@capstone/platform/observability';

/**
 * An event recorded while serving a request or a consumed event joins that causal chain.
 * `sealEnvelope` defaults the correlation id to the event's own id, so only that default is
 * replaced; ids the producer set explicitly are kept.
 */
export function joinCorrelation<T extends EventEnvelope>(
  event: T,
  context: CorrelationContext | undefined,
): T {
  if (!context) return event;
  return {
    ...event,
    correlationId: event.correlationId === event.id ? context.correlationId : event.correlationId,
    causationId: event.causationId ?? context.causationId ?? null,
  };
}
