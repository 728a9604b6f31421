import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { HttpTelemetry } from './http/http-telemetry';

/**
 * Sends Nest's own logs through pino and instruments every request. Call it before anything else
 * adds hooks, so ids exist before any other step reads them.
 */
export function applyObservability(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.get(HttpTelemetry).register(app.getHttpAdapter().getInstance());
}
