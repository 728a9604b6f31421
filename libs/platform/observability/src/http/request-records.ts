import type { IncomingMessage } from 'node:http';
import type { CorrelationContext } from '../context/correlation';

interface RequestRecord {
  correlation: CorrelationContext;
  /** The server fault behind a 5xx, written on the request's access line with its stack. */
  failure?: unknown;
}

// Keyed by Node's request, which every layer (Fastify hooks, Nest filters, middleware) can reach.
const records = new WeakMap<IncomingMessage, RequestRecord>();

export function beginRequestRecord(
  request: IncomingMessage,
  correlation: CorrelationContext,
): void {
  records.set(request, { correlation });
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
