import type { CorrelationContext } from './correlation';

/** Header names shared by HTTP and Kafka, lower-case as Node.js and kafkajs deliver them. */
export const CorrelationHeader = {
  requestId: 'x-request-id',
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
  traceparent: 'traceparent',
} as const;

/** The shape of both kafkajs `IHeaders` and Node's `IncomingHttpHeaders`. */
export type CarrierHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

// Ids come from callers and end up in logs, headers and Kafka: accept only short printable tokens.
const acceptableId = /^[A-Za-z0-9._:@-]{1,128}$/;
const traceparentFormat = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * Headers for an outgoing Kafka message or HTTP call: correlation id, causation id and trace
 * parent. The request id stays behind, as every hop assigns its own.
 */
export function toCorrelationHeaders(
  context: Omit<CorrelationContext, 'requestId'>,
): Record<string, string> {
  const headers: Record<string, string> = {
    [CorrelationHeader.correlationId]: context.correlationId,
  };
  if (context.causationId) headers[CorrelationHeader.causationId] = context.causationId;
  if (context.traceparent) headers[CorrelationHeader.traceparent] = context.traceparent;
  return headers;
}

/** Reads correlation headers back; a malformed or missing value comes back as undefined. */
export function fromCorrelationHeaders(
  headers: CarrierHeaders | undefined,
): Partial<CorrelationContext> {
  const read = (name: string, format: RegExp): string | undefined => {
    const raw = headers?.[name];
    const value = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
    return typeof value === 'string' && format.test(value) ? value : undefined;
  };
  return {
    requestId: read(CorrelationHeader.requestId, acceptableId),
    correlationId: read(CorrelationHeader.correlationId, acceptableId),
    causationId: read(CorrelationHeader.causationId, acceptableId),
    traceparent: read(CorrelationHeader.traceparent, traceparentFormat),
  };
}
