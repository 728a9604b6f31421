import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppConfig,
  ConfigurationError,
  loadEnvironmentFile,
  type PlatformEnvironment,
} from '@capstone/platform/config';
import { configuredGrpcUrl, startGrpcListener } from '../grpc/grpc-listener';
import { shutdownGracefully } from '../shutdown/graceful-shutdown';
import { configureApplication } from './configure-application';
import { createHttpAdapter } from './http-adapter';
import type { HttpOptions } from './http-options';

/**
 * The whole of a service's `main.ts`: create, configure, listen on `PORT` (and on `GRPC_URL` when
 * the options name a gRPC contract), and shut down gracefully on SIGTERM or SIGINT. A startup
 * failure is printed and the process exits with 1.
 */
export async function bootstrapService(
  rootModule: Type<unknown>,
  options: HttpOptions,
): Promise<NestFastifyApplication> {
  loadEnvironmentFile();
  let app: NestFastifyApplication;
  try {
    // Nest's logs wait in a buffer until pino takes over; abortOnError: false lets the failure reach us.
    app = await NestFactory.create<NestFastifyApplication>(rootModule, createHttpAdapter(), {
      bufferLogs: true,
      autoFlushLogs: false,
      abortOnError: false,
      rawBody: options.rawBody ?? false,
    });
    configureApplication(app, options);
    if (options.grpc) {
      // Before HTTP, so once readiness answers the gRPC port takes calls too; after the init hooks.
      await app.init();
      await startGrpcListener(app, options.grpc, configuredGrpcUrl(app));
    }
    const port = app.get<AppConfig<PlatformEnvironment>>(AppConfig).get('PORT');
    // Every interface: in a container the gateway reaches the service on its pod address.
    await app.listen(port, '0.0.0.0');
    new Logger('Bootstrap').log(`listening on port ${port}`);
  } catch (error) {
    // Plain stderr: the logger may be what could not be configured.
    console.error(error instanceof ConfigurationError ? error.message : error);
    process.exit(1);
  }

  const stop = (signal: NodeJS.Signals) => {
    new Logger('Shutdown').log(`${signal} received: draining in-flight requests`);
    shutdownGracefully(app, options.drainTimeoutMs ?? 10_000).then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger('Shutdown').error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // once: a second signal while draining gets the default behaviour, an immediate exit.
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return app;
}
