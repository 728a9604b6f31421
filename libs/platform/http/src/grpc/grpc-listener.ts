import { Logger, type INestApplication } from '@nestjs/common';
import { Transport, type GrpcOptions, type NestMicroservice } from '@nestjs/microservices';
import type { Server } from '@grpc/grpc-js';
import { PROTO_LOADER_OPTIONS } from '@capstone/contracts';
import { AppConfig, type GrpcListenerEnvironment } from '@capstone/platform/config';
import { GrpcExceptionFilter } from './grpc-exception.filter';

export interface GrpcListenerOptions {
  /** The proto package served, e.g. `USER_DIRECTORY_PACKAGE`. */
  package: string;
  /** Absolute path of its `.proto` file, e.g. `USER_DIRECTORY_PROTO_PATH` from `@capstone/contracts`. */
  protoPath: string;
}

// The grpc-js server behind each application's listener: Nest's own close() can either wait
// forever for in-flight calls or cut them at once, and shutdown needs "wait, up to a deadline".
const servers = new WeakMap<INestApplication, Server>();

/**
 * Serves the application's `@GrpcMethod` handlers on `url` (`host:port`) beside its HTTP server.
 * Call it after `app.init()`, so no call arrives before the modules' init hooks have run. HTTP's
 * pipes and filters do not apply: a failure is answered with a gRPC status by GrpcExceptionFilter.
 */
export async function startGrpcListener(
  app: INestApplication,
  options: GrpcListenerOptions,
  url: string,
): Promise<void> {
  const microservice = app.connectMicroservice<GrpcOptions>(
    {
      transport: Transport.GRPC,
      options: {
        package: options.package,
        protoPath: options.protoPath,
        url,
        loader: PROTO_LOADER_OPTIONS,
        onLoadPackageDefinition: (_definition, server: Server) => servers.set(app, server),
      },
    },
    // Deferred, so the filter is in place before the handlers are bound (they capture it then).
    { deferInitialization: true },
  ) as NestMicroservice;
  microservice.useGlobalFilters(new GrpcExceptionFilter());
  // Then what connectMicroservice does undeferred: bind the handlers, and nothing else (no second
  // run of the init hooks, no socket.io gateways of its own).
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  await app.startAllMicroservices();
  new Logger('Bootstrap').log(`gRPC listening on ${url}`);
}

/** `GRPC_URL` from the service's validated environment. */
export function configuredGrpcUrl(app: INestApplication): string {
  const url = app.get<AppConfig<Partial<GrpcListenerEnvironment>>>(AppConfig).get('GRPC_URL');
  if (!url)
    throw new Error('HttpOptions.grpc needs grpcListenerEnvironment() in the environment schema');
  return url;
}

/**
 * Refuses new calls, lets in-flight ones finish, and cuts off those still running after
 * `timeoutMs`. A no-op for an application without a gRPC listener.
 */
export function drainGrpcListener(app: INestApplication, timeoutMs: number): Promise<void> {
  const server = servers.get(app);
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    const deadline = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, timeoutMs);
    server.tryShutdown(() => {
      clearTimeout(deadline);
      resolve();
    });
  });
}
