import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, type PlatformEnvironment } from '@capstone/platform/config';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Correlation } from '../context/correlation';
import { AccessLog } from '../logging/access-log';
import { SERVICE_LOGGER } from '../logging/service-logger.token';
import { Metrics } from '../metrics/metrics';
import { beginCorrelation, correlationOfRequest } from './request-records';

/** What happens around every HTTP request: correlation ids, the access log line, the duration histogram. */
@Injectable()
export class HttpTelemetry {
  private readonly requestDuration = Metrics.histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  private readonly accessLog: AccessLog;

  constructor(@Inject(SERVICE_LOGGER) logger: Logger, config: AppConfig<PlatformEnvironment>) {
    this.accessLog = new AccessLog(logger, {
      slowRequestMs: config.get('SLOW_REQUEST_MS'),
      withHeaders: config.get('NODE_ENV') === 'production',
    });
  }

  /** Adds the hooks to the server: ids on every response, the context for the handler, the line and the histogram. */
  register(server: FastifyInstance): void {
    server.addHook('onRequest', (request, reply, done) => {
      // Begun by the adapter's genReqId; a bare FastifyAdapter (tests) begins it here.
      const correlation = correlationOfRequest(request.raw) ?? beginCorrelation(request.raw);
      reply.header('X-Request-Id', correlation.requestId);
      reply.header('X-Correlation-Id', correlation.correlationId);
      Correlation.run(correlation, done);
    });
    // Body parsing completes in a stream callback outside the request's async context: enter it
    // again, so guards, handlers and everything they call see the request's ids.
    server.addHook('preHandler', (request, _reply, done) => {
      const correlation = correlationOfRequest(request.raw);
      if (correlation && Correlation.current() !== correlation) Correlation.run(correlation, done);
      else done();
    });
    server.addHook('onResponse', (request, reply, done) => {
      this.requestDuration.observe(
        { method: request.method, route: routeTemplate(request), status: reply.statusCode },
        reply.elapsedTime / 1000,
      );
      this.accessLog.record(request, reply);
      done();
    });
  }
}

/** The matched route's template (`/v1/articles/:slug`), never the raw URL, so label values stay few. */
function routeTemplate(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}
