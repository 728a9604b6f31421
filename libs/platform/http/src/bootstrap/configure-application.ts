import fastifyCookie from '@fastify/cookie';
import { VersioningType } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, type PlatformEnvironment } from '@capstone/platform/config';
import { applyObservability, Readiness } from '@capstone/platform/observability';
import { ApplicationExceptionFilter } from '../errors/application-exception.filter';
import { serveOpenApi } from '../openapi/openapi';
import { closeConnectionsWhileDraining } from '../shutdown/graceful-shutdown';
import { createValidationPipe } from '../validation/validation-pipe';
import type { HttpOptions } from './http-options';

/**
 * Everything `bootstrapService` does except listening, so tests build the very same application.
 * The app must be created on `createHttpAdapter()`, and its root module must import
 * `PlatformConfigModule.forRoot(...)` and `ObservabilityModule.forRoot(...)`.
 */
export function configureApplication(
  app: NestFastifyApplication,
  options: HttpOptions,
): NestFastifyApplication {
  const config = app.get<AppConfig<PlatformEnvironment>>(AppConfig);
  const server = app.getHttpAdapter().getInstance();

  app.useSecurityHeaders();
  applyObservability(app);
  closeConnectionsWhileDraining(server, app.get(Readiness));
  // Signed cookies are not used: a cookie the platform sets carries an opaque, hashed token.
  void server.register(fastifyCookie);

  const origins = config.get('CORS_ORIGINS');
  if (origins.length > 0) {
    app.enableCors({
      origin: origins.includes('*') ? true : origins,
      exposedHeaders: ['X-Request-Id', 'X-Correlation-Id'],
    });
  }

  // Routes are /v1/... unless a controller says otherwise (VERSION_NEUTRAL for unversioned APIs).
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(
    new ApplicationExceptionFilter(app.get(HttpAdapterHost).httpAdapter, options.errorMappers),
  );
  serveOpenApi(app, options.api);
  return app;
}

/** Configured and ready to serve without listening, as tests use it: Fastify loads its plugins on `ready()`. */
export async function prepareApplication(
  app: NestFastifyApplication,
  options: HttpOptions,
): Promise<NestFastifyApplication> {
  configureApplication(app, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
