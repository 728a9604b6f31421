import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CorrelationContext } from '../context/correlation';
import { fromCorrelationHeaders } from '../context/correlation-headers';

interface RequestRecord {
  correlation: CorrelationContext;
  /** The server fault behind a 5xx, written on the request's access line with its stack. */
  failure?: unknown;
}

// Keyed by Node's request, which every layer (Fastify hooks, Nest filters, middleware) can reach.
const records = new WeakMap<IncomingMessage, RequestRecord>();

/**
 * Gives a request its ids: a well-formed `X-Request-Id` or a new UUID, and the caller's
 * `X-Correlation-Id` (the request id when none came). The platform's adapter calls it as Fastify's
 * `genReqId`, before any hook, so even a request the framework's own hooks reject has them.
 */
export function beginCorrelation(request: IncomingMessage): CorrelationContext {
  const received = fromCorrelationHeaders(request.headers);
  const requestId = received.requestId ?? randomUUID();
  const correlation = {
    requestId,
    correlationId: received.correlationId ?? requestId,
    traceparent: received.traceparent,
  };
  records.set(request, { correlation });
  return correlation;
}

/** The ids of a request, even where the async context is gone (Fastify's error and 404 handlers). */
export function correlationOfRequest(request: IncomingMessage): CorrelationContext | undefined {
  return records.get(request)?.correlation;
}

/** Marks the request as failed by a server fault, so its access line says why. */
export function requestFailed(request: IncomingMessage, failure: unknown): void {
  const record = records.get(request);
  if (record) record.failure = failure;
}

export function failureOf(request: IncomingMessage): unknown {
  return records.get(request)?.failure;
}
