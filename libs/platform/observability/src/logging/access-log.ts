import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Logger, symbols } from 'pino';
import { correlationOfRequest, failureOf } from '../http/request-records';
import { CachedIsoTime } from './cached-iso-time';

export interface AccessLogSettings {
  /** A request slower than this is logged as a warning. */
  slowRequestMs: number;
  /** Production lines also carry the allow-listed request headers. */
  withHeaders: boolean;
}

// Probes and scrapes arrive every few seconds and would drown the lines worth reading.
const unloggedPaths = new Set(['/health/live', '/health/ready', '/metrics']);

// The pino internals the line is written through: the service logger's own destination and its
// serialised bindings (service, pid, hostname), so an access line lands in the same stream, in the
// same shape, as every other line.
interface PinoInternals {
  [symbols.streamSym]: { write(line: string): void };
  [symbols.chindingsSym]: string;
}

/**
 * One line per finished request: 5xx at error (with the fault's stack), slow ones at warn,
 * everything else, a client's 4xx mistakes included, at info.
 *
 * Every request pays for this line, so the info and warn lines are written as pino would write them
 * but without its generic machinery: no mixin, no redaction walk (the line holds only the fields
 * chosen here, none of them a credential), one timestamp string a millisecond. The rare 5xx line goes
 * through pino itself, for its error serialiser. Only client-supplied strings need escaping; every
 * other field is a number or one of Fastify's own values.
 */
export class AccessLog {
  private readonly destination: PinoInternals[typeof symbols.streamSym];
  private readonly bindings: string;
  private readonly clock = new CachedIsoTime();

  constructor(
    private readonly logger: Logger,
    private readonly settings: AccessLogSettings,
  ) {
    const internals = logger as unknown as PinoInternals;
    this.destination = internals[symbols.streamSym];
    this.bindings = internals[symbols.chindingsSym];
  }

  record(request: FastifyRequest, reply: FastifyReply): void {
    const path = pathOf(request.url);
    if (unloggedPaths.has(path)) return;
    const status = reply.statusCode;
    const durationMs = Math.round(reply.elapsedTime * 10) / 10;
    if (status >= 500) return this.recordFault(request, path, status, durationMs);

    const level = durationMs > this.settings.slowRequestMs ? 'warn' : 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    const correlation = correlationOfRequest(request.raw);
    let line = `{"level":"${level}","time":"${this.clock.now()}"${this.bindings}`;
    if (correlation)
      line +=
        `,"requestId":${JSON.stringify(correlation.requestId)}` +
        `,"correlationId":${JSON.stringify(correlation.correlationId)}`;
    line +=
      `,"method":"${request.method}","path":${JSON.stringify(path)}` +
      `,"status":${status},"durationMs":${durationMs}`;
    if (this.settings.withHeaders) line += headerFields(request);
    line += `,"msg":${JSON.stringify(`${request.method} ${path} ${status} ${durationMs}ms`)}}\n`;
    this.destination.write(line);
  }

  private recordFault(request: FastifyRequest, path: string, status: number, durationMs: number) {
    const correlation = correlationOfRequest(request.raw);
    const line: Record<string, unknown> = {
      requestId: correlation?.requestId,
      correlationId: correlation?.correlationId,
      method: request.method,
      path,
      status,
      durationMs,
      err: failureOf(request.raw),
    };
    if (this.settings.withHeaders) Object.assign(line, allowListedHeaders(request));
    this.logger.error(line, `${request.method} ${path} ${status} ${durationMs}ms`);
  }
}

/** The path without the query string, which may carry tokens. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function allowListedHeaders(request: FastifyRequest) {
  return {
    userAgent: request.headers['user-agent'],
    referer: request.headers.referer,
    contentLength: request.headers['content-length'],
  };
}

function headerFields(request: FastifyRequest): string {
  let fields = '';
  for (const [name, value] of Object.entries(allowListedHeaders(request)))
    if (value !== undefined) fields += `,"${name}":${JSON.stringify(value)}`;
  return fields;
}
