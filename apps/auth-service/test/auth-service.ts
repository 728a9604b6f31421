import type { TestingModuleBuilder } from '@nestjs/testing';
import { MAIL_QUEUE } from '@capstone/contracts';
import { QueueRegistry } from '@capstone/platform/queues';
import {
  createTestApp,
  createTestDatabase,
  serviceTestEnvironment,
  servicePrismaProject,
  sparePort,
  testEndpoints,
  testKafkaNames,
  testRedisPrefix,
  type InspectableQueue,
  type TestApp,
  type TestKafkaNames,
  type TestDatabase,
} from '@capstone/platform/testing';
import { randomBytes } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { httpOptions } from '../src/http-options';
import { Clock } from '../src/shared/clock';
import { TestClock } from './test-clock';

export interface AuthServiceUnderTest extends TestApp {
  database: TestDatabase;
  topic(name: string): string;
  /** The service's time: move it to expire tokens and links instead of waiting. */
  clock: TestClock;
  mailQueue: InspectableQueue;
}

export interface AuthServiceOptions {
  overrides?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Topics shared with another service under test, so it consumes what this one publishes. */
  kafka?: TestKafkaNames;
  /** A BullMQ prefix shared with another service under test, so its workers take this one's jobs. */
  queuePrefix?: string;
  /** A database to start on instead of a fresh one; the caller drops it. */
  database?: TestDatabase;
  /** Variables that differ from the test defaults, e.g. `{ NODE_ENV: 'development' }`. */
  environment?: Record<string, string>;
}

export const PUBLIC_APP_URL = 'http://app.test';

/** auth-service on its own cloned database, Kafka topics and Redis prefix, built as main.ts builds it. */
export async function startAuthService(
  label: string,
  options: AuthServiceOptions = {},
): Promise<AuthServiceUnderTest> {
  const database = options.database ?? (await createTestDatabase(servicePrismaProject('auth')));
  const serverUrl = testEndpoints.databaseUrl;
  const kafka = options.kafka ?? testKafkaNames(label);
  const clock = new TestClock();
  Object.assign(process.env, {
    ...serviceTestEnvironment(label, { databaseUrl: database.url, kafka }),
    ...(options.queuePrefix ? { QUEUE_PREFIX: options.queuePrefix } : {}),
    RATE_LIMIT_PREFIX: `${testRedisPrefix(label)}:limits`,
    JWT_ISSUER: 'http://auth.test',
    JWT_AUDIENCE: 'capstone',
    SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_APP_URL,
    ...options.environment,
  });
  const app = await createTestApp(AppModule, {
    http: httpOptions,
    overrides: (builder) =>
      (options.overrides ?? ((same) => same))(builder.overrideProvider(Clock).useValue(clock)),
  });
  // The app has read its configuration; later test databases are made from the server URL again.
  process.env.DATABASE_URL = serverUrl;
  return {
    ...app,
    database,
    clock,
    topic: kafka.topic,
    mailQueue: app.app.get(QueueRegistry).get(MAIL_QUEUE),
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

export interface ListeningAuthService {
  auth: AuthServiceUnderTest;
  port: number;
  /** What a service that verifies auth's tokens sets as JWKS_URL, JWT_ISSUER and JWT_AUDIENCE. */
  tokenVerification: Record<'JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE', string>;
  /** auth-service's own origin, for services that verify API keys (`AUTH_INTERNAL_URL`). */
  origin: string;
}

// Generous limits: a suite registers many users from the one address a gateway forwards.
const OPEN_LIMITS = {
  RATE_LIMIT_REGISTER_PER_IP: '10000/1h',
  RATE_LIMIT_LOGIN_PER_IP: '10000/1h',
  RATE_LIMIT_REGISTER_PER_ACCOUNT: '100/1h',
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '100/1h',
};

/** auth-service on a loopback port, for another service under test to verify its tokens over HTTP. */
export async function startListeningAuthService(
  label: string,
  options: AuthServiceOptions = {},
): Promise<ListeningAuthService> {
  const auth = await startAuthService(label, {
    ...options,
    environment: { ...OPEN_LIMITS, ...options.environment },
  });
  const port = await sparePort();
  await auth.app.listen(port, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  return {
    auth,
    port,
    origin,
    tokenVerification: {
      JWKS_URL: `${origin}/.well-known/jwks.json`,
      JWT_ISSUER: 'http://auth.test',
      JWT_AUDIENCE: 'capstone',
    },
  };
}
