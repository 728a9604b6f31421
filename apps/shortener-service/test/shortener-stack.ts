import {
  createTestDatabase,
  serviceTestEnvironment,
  servicePrismaProject,
  startListeningTestApp,
  startTestGateway,
  testKafkaNames,
  testRedisPrefix,
  type ListeningTestApp,
  type TestDatabase,
  type TestKafkaNames,
} from '@capstone/platform/testing';
import type request from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- links belong to auth-service's users, built by its own test harness
import {
  startListeningAuthService,
  type AuthServiceUnderTest,
} from '../../auth-service/test/auth-service';
import { AppModule } from '../src/app.module';
import { httpOptions } from '../src/http-options';

export type ShortenerInstance = ListeningTestApp;

export interface ShortenerStack {
  auth: AuthServiceUnderTest;
  shortener: ShortenerInstance & { database: TestDatabase };
  gateway: ReturnType<typeof request>;
  /** Another instance on the same database, Redis and topics, as a second pod would be. */
  startAnotherInstance(): Promise<ShortenerInstance>;
  topic(name: string): string;
  close(): Promise<void>;
}

export interface ShortenerStackOptions {
  environment?: Record<string, string>;
  kafka?: TestKafkaNames;
}

export const SHORT_LINK_BASE_URL = 'http://sho.rt/s';

/**
 * auth-service and shortener-service as in production, on their own databases, Kafka topics and
 * Redis prefixes, with the gateway in front: the shortener verifies auth's tokens over its JWKS
 * and its API keys over its internal endpoint.
 */
export async function startShortenerStack(
  label: string,
  options: ShortenerStackOptions = {},
): Promise<ShortenerStack> {
  const kafka = options.kafka ?? testKafkaNames(label);
  const {
    auth,
    port: authPort,
    origin,
    tokenVerification,
  } = await startListeningAuthService(label, { kafka });
  const database = await createTestDatabase(servicePrismaProject('shortener'));
  const environment = {
    ...serviceTestEnvironment(label, { databaseUrl: database.url, kafka }),
    CACHE_PREFIX: `${testRedisPrefix(label)}:shortener`,
    ...tokenVerification,
    AUTH_INTERNAL_URL: origin,
    SHORT_LINK_BASE_URL,
    ...options.environment,
  };
  const instances: ShortenerInstance[] = [];
  const startInstance = async (): Promise<ShortenerInstance> => {
    const instance = await startListeningTestApp(AppModule, { http: httpOptions, environment });
    instances.push(instance);
    return instance;
  };
  const first = await startInstance();
  const gateway = await startTestGateway({
    'auth-service': authPort,
    'shortener-service': first.port,
  });
  return {
    auth,
    shortener: { ...first, database },
    gateway: gateway.http,
    startAnotherInstance: startInstance,
    topic: kafka.topic,
    close: async () => {
      await gateway.close();
      for (const instance of instances.reverse()) await instance.close();
      await database.drop();
      await auth.close();
    },
  };
}
