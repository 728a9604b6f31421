import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { correlationOfRequest, failureOf } from '../http/request-records';

export interface AccessLogSettings {
  /** A request slower than this is logged as a warning. */
  slowRequestMs: number;
  /** Production lines also carry the allow-listed request headers. */
  withHeaders: boolean;
}

// Probes and scrapes arrive every few seconds and would drown the lines worth reading.
const unloggedPaths = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * One line per finished request: 5xx at error (with the fault's stack), slow ones at warn,
 * everything else, a client's 4xx mistakes included, at info. Built from a handful of fields:
 * no request or response object is serialized, and no header outside the allow-list is read.
 */
export function logRequest(
  logger: Logger,
  settings: AccessLogSettings,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const path = request.url.split('?', 1)[0];
  if (unloggedPaths.has(path)) return;
  const status = reply.statusCode;
  const durationMs = Math.round(reply.elapsedTime * 10) / 10;
  const correlation = correlationOfRequest(request.raw);
  const line: Record<string, unknown> = {
    requestId: correlation?.requestId,
    correlationId: correlation?.correlationId,
    method: request.method,
    path,
    status,
    durationMs,
  };
  if (settings.withHeaders) {
    line.userAgent = request.headers['user-agent'];
    line.referer = request.headers.referer;
    line.contentLength = request.headers['content-length'];
  }
  const message = `${request.method} ${path} ${status} ${durationMs}ms`;
  if (status >= 500) logger.error({ ...line, err: failureOf(request.raw) }, message);
  else if (durationMs > settings.slowRequestMs) logger.warn(line, message);
  else logger.info(line, message);
}
