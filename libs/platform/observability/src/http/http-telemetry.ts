import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { createAccessLog } from '../logging/access-log';
import { SERVICE_LOGGER } from '../logging/service-logger.token';
import { Metrics } from '../metrics/metrics';
import { correlateRequest } from './correlate-request';

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path: string } };
type Middleware = (request: RoutedRequest, response: ServerResponse, next: () => void) => void;

/** What happens around every HTTP request: correlation ids, the access log line, the duration histogram. */
@Injectable()
export class HttpTelemetry {
  private readonly requestDuration = Metrics.histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });

  /** In this order: the ids must exist before the access log and everything after it reads them. */
  readonly middleware: Middleware[];

  constructor(@Inject(SERVICE_LOGGER) logger: Logger) {
    this.middleware = [correlateRequest, createAccessLog(logger), this.measureDuration.bind(this)];
  }

  private measureDuration(
    request: RoutedRequest,
    response: ServerResponse,
    next: () => void,
  ): void {
    const stopTimer = this.requestDuration.startTimer({ method: request.method });
    response.on('finish', () =>
      stopTimer({ route: routeTemplate(request), status: String(response.statusCode) }),
    );
    next();
  }
}

/** The matched route's template (`/v1/articles/:slug`), never the raw URL, so label values stay few. */
function routeTemplate(request: RoutedRequest): string {
  return request.route ? `${request.baseUrl ?? ''}${request.route.path}` : 'unmatched';
}
