import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import {
  createHttpAdapter,
  prepareApplication,
  startGrpcListener,
  type HttpOptions,
} from '@capstone/platform/http';
import request from 'supertest';
import { sparePort } from '../infrastructure/workspace-tools';

export interface TestAppOptions {
  /** The same options the service's main.ts gives `bootstrapService`. */
  http: HttpOptions;
  /** Swap providers before the app is built, e.g. `(b) => b.overrideProvider(Clock).useValue(fixedClock)`. */
  overrides?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** A supertest agent bound to the app's HTTP server; no port is opened. */
  http: ReturnType<typeof request>;
  /** `host:port` of the app's gRPC server, when its options name a contract (`HttpOptions.grpc`). */
  grpcUrl: string | undefined;
  /** Runs the app's shutdown hooks: consumers, relays and pools close, leaving no open handles. */
  close(): Promise<void>;
}

/**
 * The service exactly as production builds it (`configureApplication`), minus listening on an HTTP
 * port. A gRPC contract is served for real, on a free loopback port: gRPC has no in-process client.
 */
export async function createTestApp(
  appModule: Type<unknown>,
  options: TestAppOptions,
): Promise<TestApp> {
  const builder = Test.createTestingModule({ imports: [appModule] });
  const moduleRef = await (options.overrides?.(builder) ?? builder).compile();
  const app = await prepareApplication(
    moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
      bufferLogs: true,
      autoFlushLogs: false,
      rawBody: options.http.rawBody ?? false,
    }),
    options.http,
  );
  let grpcUrl: string | undefined;
  if (options.http.grpc) {
    grpcUrl = `127.0.0.1:${await sparePort()}`;
    await startGrpcListener(app, options.http.grpc, grpcUrl);
  }
  return { app, http: request(app.getHttpServer()), grpcUrl, close: () => app.close() };
}
