import {
  createTestApp,
  createTestDatabase,
  servicePrismaProject,
  testEndpoints,
  testKafkaNames,
  testRedisPrefix,
  type TestApp,
  type TestDatabase,
} from '@capstone/platform/testing';
import { AppModule } from '../src/app.module';
import { httpOptions } from '../src/http-options';

export interface AuthServiceUnderTest extends TestApp {
  database: TestDatabase;
  topic(name: string): string;
}

/** auth-service on its own cloned database, Kafka topics and Redis prefix, built as main.ts builds it. */
export async function startAuthService(label: string): Promise<AuthServiceUnderTest> {
  const database = await createTestDatabase(servicePrismaProject('auth'));
  const serverUrl = testEndpoints.databaseUrl;
  const kafka = testKafkaNames(label);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: testEndpoints.redisUrl,
    KAFKA_BROKERS: testEndpoints.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    QUEUE_PREFIX: testRedisPrefix(label),
    JWT_ISSUER: 'http://auth.test',
    JWT_AUDIENCE: 'capstone',
  });
  const app = await createTestApp(AppModule, { http: httpOptions });
  // The app has read its configuration; later test databases are made from the server URL again.
  process.env.DATABASE_URL = serverUrl;
  return {
    ...app,
    database,
    topic: kafka.topic,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
