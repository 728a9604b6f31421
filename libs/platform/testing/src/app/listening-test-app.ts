import type { Type } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { testEndpoints } from '../infrastructure/test-endpoints';
import { sparePort, startDevGateway } from '../infrastructure/workspace-tools';
import { createTestApp, type TestApp, type TestAppOptions } from './create-test-app';

export interface ListeningTestApp extends TestApp {
  port: number;
}

/**
 * A service under test on a loopback port, for what only a real socket reaches: another service
 * fetching its JWKS, a gateway, a second instance. The app reads `environment` while it is built.
 */
export async function startListeningTestApp(
  appModule: Type<unknown>,
  options: TestAppOptions & { environment: Record<string, string> },
): Promise<ListeningTestApp> {
  Object.assign(process.env, options.environment);
  const app = await createTestApp(appModule, options);
  // The app has read its configuration; later test databases are made from the server URL again.
  process.env.DATABASE_URL = testEndpoints.databaseUrl;
  const port = await sparePort();
  await app.app.listen(port, '127.0.0.1');
  // Idempotent, so a test may stop an instance itself and its stack's close still ends the rest.
  let closing: Promise<void> | undefined;
  return { ...app, port, close: () => (closing ??= app.close()) };
}

export interface TestGateway {
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The `npm start` gateway (the routes nginx serves) in front of services on these ports. */
export async function startTestGateway(servicePorts: Record<string, number>): Promise<TestGateway> {
  const port = await sparePort();
  const server: Server = await startDevGateway(port, new Map(Object.entries(servicePorts)));
  return {
    http: request(`http://127.0.0.1:${port}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
