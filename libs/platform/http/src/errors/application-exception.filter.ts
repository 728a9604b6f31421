import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { Correlation } from '@capstone/platform/observability';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toApplicationError } from './application-error';
import { type ErrorMapper, problemDetails } from './error-mapper';

/** Path prefix (`/api`) to the mapper for the routes under it; the longest matching prefix wins. */
export type ErrorMappers = Record<string, ErrorMapper>;

/** The one place a failed HTTP request is answered: normalize, log server faults, let the API's mapper write. */
@Catch()
export class ApplicationExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApplicationExceptionFilter.name);
  private readonly prefixes: [string, ErrorMapper][];

  constructor(mappers: ErrorMappers = {}) {
    this.prefixes = Object.entries(mappers).sort(([a], [b]) => b.length - a.length);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<IncomingMessage & { originalUrl?: string }>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const error = toApplicationError(exception);
    if (error.status >= 500) this.logger.error({ err: exception }, 'request failed');

    if (response.headersSent) {
      // Part of the body is already out; cutting the connection is the only honest signal left.
      response.destroy();
      return;
    }
    const path = (request.originalUrl ?? request.url ?? '/').split('?')[0];
    const answer = this.mapperFor(path)(error, {
      path,
      requestId: Correlation.current()?.requestId,
    });
    response.statusCode = answer.status;
    response.setHeader('Content-Type', answer.contentType);
    response.end(JSON.stringify(answer.body));
  }

  private mapperFor(path: string): ErrorMapper {
    const match = this.prefixes.find(
      ([prefix]) => path === prefix || path.startsWith(`${prefix.replace(/\/$/, '')}/`),
    );
    return match?.[1] ?? problemDetails;
  }
}
