import { VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, type PlatformEnvironment } from '@capstone/platform/config';
import { applyObservability, Readiness } from '@capstone/platform/observability';
import { ApplicationExceptionFilter } from '../errors/application-exception.filter';
import { serveOpenApi } from '../openapi/openapi';
import { closeConnectionsWhileDraining } from '../shutdown/graceful-shutdown';
import { createValidationPipe } from '../validation/validation-pipe';
import type { HttpOptions } from './http-options';

/**
 * Everything `bootstrapService` does except listening, so tests build the very same application.
 * The root module must import `PlatformConfigModule.forRoot(...)` and `ObservabilityModule.forRoot(...)`.
 */
export function configureApplication(
  app: NestExpressApplication,
  options: HttpOptions,
): NestExpressApplication {
  const config = app.get<AppConfig<PlatformEnvironment>>(AppConfig);

  app.useSecurityHeaders();
  applyObservability(app);
  app.use(closeConnectionsWhileDraining(app.getHttpServer(), app.get(Readiness)));

  const origins = config.get('CORS_ORIGINS');
  if (origins.length > 0) {
    app.enableCors({
      origin: origins.includes('*') ? true : origins,
      exposedHeaders: ['X-Request-Id', 'X-Correlation-Id'],
    });
  }
  // Registered here, so Nest adds no parser of its own with its default limit.
  app.useBodyParser('json', { limit: config.get('BODY_LIMIT') });
  app.useBodyParser('urlencoded', { limit: config.get('BODY_LIMIT'), extended: false });

  // Routes are /v1/... unless a controller says otherwise (VERSION_NEUTRAL for unversioned APIs).
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApplicationExceptionFilter(options.errorMappers));
  serveOpenApi(app, options.api);
  return app;
}
