import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Correlation } from '../context/correlation';
import { fromCorrelationHeaders } from '../context/correlation-headers';

/**
 * Middleware: honours a well-formed `X-Request-Id` or assigns a UUID, carries `X-Correlation-Id`
 * (the request id when the caller sent none), echoes both, and runs the rest of the request
 * inside that correlation context.
 */
export function correlateRequest(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
  next: () => void,
): void {
  const received = fromCorrelationHeaders(request.headers);
  const requestId = received.requestId ?? randomUUID();
  const correlationId = received.correlationId ?? requestId;

  // pino-http logs the request under this id.
  request.id = requestId;
  response.setHeader('X-Request-Id', requestId);
  response.setHeader('X-Correlation-Id', correlationId);
  Correlation.run({ requestId, correlationId, traceparent: received.traceparent }, next);
}
