import {
  createTestApp,
  createTestDatabase,
  servicePrismaProject,
  sparePort,
  testEndpoints,
  testKafkaNames,
  testRedisPrefix,
  type TestApp,
  type TestDatabase,
  type TestKafkaNames,
} from '@capstone/platform/testing';
import type { Server } from 'node:http';
import request from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- links belong to auth-service's users, built by its own test harness
import {
  startListeningAuthService,
  type AuthServiceUnderTest,
} from '../../auth-service/test/auth-service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the gateway of `npm start`, with the routes nginx serves
import { startDevGateway } from '../../../tools/dev/dev-gateway';
import { AppModule } from '../src/app.module';
import { httpOptions } from '../src/http-options';

export interface ShortenerInstance extends TestApp {
  port: number;
}

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
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: testEndpoints.redisUrl,
    KAFKA_BROKERS: testEndpoints.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    QUEUE_PREFIX: testRedisPrefix(label),
    CACHE_PREFIX: `${testRedisPrefix(label)}:shortener`,
    ...tokenVerification,
    AUTH_INTERNAL_URL: origin,
    SHORT_LINK_BASE_URL,
    ...options.environment,
  };
  const instances: ShortenerInstance[] = [];
  const startInstance = async (): Promise<ShortenerInstance> => {
    const serverUrl = testEndpoints.databaseUrl;
    Object.assign(process.env, environment);
    const app = await createTestApp(AppModule, { http: httpOptions });
    process.env.DATABASE_URL = serverUrl;
    const port = await sparePort();
    await app.app.listen(port, '127.0.0.1');
    // Idempotent, so a test may stop an instance itself and the stack's close still ends the rest.
    let closing: Promise<void> | undefined;
    const instance = { ...app, port, close: () => (closing ??= app.close()) };
    instances.push(instance);
    return instance;
  };
  const first = await startInstance();
  const gatewayPort = await sparePort();
  const gatewayServer: Server = await startDevGateway(
    gatewayPort,
    new Map([
      ['auth-service', authPort],
      ['shortener-service', first.port],
    ]),
  );
  return {
    auth,
    shortener: { ...first, database },
    gateway: request(`http://127.0.0.1:${gatewayPort}`),
    startAnotherInstance: startInstance,
    topic: kafka.topic,
    close: async () => {
      await new Promise((resolve) => gatewayServer.close(resolve));
      for (const instance of instances.reverse()) await instance.close();
      await database.drop();
      await auth.close();
    },
  };
}
