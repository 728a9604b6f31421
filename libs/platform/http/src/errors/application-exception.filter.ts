import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { correlationOfRequest, requestFailed } from '@capstone/platform/observability';
import type { IncomingMessage } from 'node:http';
import { toApplicationError } from './application-error';
import { type ErrorMapper, problemDetails } from './error-mapper';

/** Path prefix (`/api`) to the mapper for the routes under it; the longest matching prefix wins. */
export type ErrorMappers = Record<string, ErrorMapper>;

/**
 * The one place a failed HTTP request is answered: normalize, hand server faults to the access
 * log (which writes them with their stack), let the API's mapper write the body.
 */
@Catch()
export class ApplicationExceptionFilter implements ExceptionFilter {
  private readonly prefixes: [string, ErrorMapper][];

  constructor(
    // Through the adapter: Nest hands a filter Fastify's request and reply, or for a failure in
    // middleware the raw Node objects underneath.
    private readonly server: AbstractHttpAdapter,
    mappers: ErrorMappers = {},
  ) {
    this.prefixes = Object.entries(mappers).sort(([a], [b]) => b.length - a.length);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    // HTTP replies only: a GraphQL resolver's or a gRPC handler's failure goes back to its own
    // transport's error handling, which this filter's Fastify reply would only break.
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<{ raw?: IncomingMessage } & IncomingMessage>();
    const response = host.switchToHttp().getResponse<unknown>();
    const error = toApplicationError(exception);
    if (error.status >= 500) requestFailed(request.raw ?? request, exception);

    if (this.server.isHeadersSent(response)) {
      // Part of the body is already out; cutting the connection is the only honest signal left.
      (request.raw ?? request).socket.destroy();
      return;
    }
    const path = (this.server.getRequestUrl(request) ?? '/').split('?')[0];
    const requestId = correlationOfRequest(request.raw ?? request)?.requestId;
    // Also here: a request rejected before the telemetry hook ran has not had the header set.
    if (requestId) this.server.setHeader(response, 'X-Request-Id', requestId);
    if (error.retryAfterSeconds !== undefined)
      this.server.setHeader(response, 'Retry-After', String(error.retryAfterSeconds));
    const answer = this.mapperFor(path)(error, { path, requestId });
    this.server.setHeader(response, 'Content-Type', answer.contentType);
    this.server.reply(response, JSON.stringify(answer.body), answer.status);
  }

  private mapperFor(path: string): ErrorMapper {
    const match = this.prefixes.find(
      ([prefix]) => path === prefix || path.startsWith(`${prefix.replace(/\/$/, '')}/`),
    );
    return match?.[1] ?? problemDetails;
  }
}
