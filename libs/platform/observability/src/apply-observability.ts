import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { HttpTelemetry } from './http/http-telemetry';

/**
 * Sends Nest's own logs through pino and instruments every request. Call it before any other
 * middleware, so even a request rejected while its body is parsed is logged, counted and has ids.
 */
export function applyObservability(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.use(...app.get(HttpTelemetry).middleware);
}
