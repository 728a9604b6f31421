import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { createHttpAdapter, prepareApplication, type HttpOptions } from '@capstone/platform/http';
import request from 'supertest';

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
  /** Runs the app's shutdown hooks: consumers, relays and pools close, leaving no open handles. */
  close(): Promise<void>;
}

/** The service exactly as production builds it (`configureApplication`), minus listening on a port. */
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
  return { app, http: request(app.getHttpServer()), close: () => app.close() };
}
