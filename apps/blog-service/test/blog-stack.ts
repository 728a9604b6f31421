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
// eslint-disable-next-line @nx/enforce-module-boundaries -- blog's users live in the real auth-service, built by its own test harness
import {
  startListeningAuthService,
  type AuthServiceUnderTest,
} from '../../auth-service/test/auth-service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the gateway of `npm start`, with the routes nginx serves
import { startDevGateway } from '../../../tools/dev/dev-gateway';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a bucket per test file, made and removed as the storage specs do
import {
  removeTestBucket,
  testBucketName,
} from '../../../libs/platform/storage/test/support/test-bucket';
import { AppModule } from '../src/app.module';
import { httpOptions } from '../src/http-options';

export interface BlogStack {
  auth: AuthServiceUnderTest;
  blog: TestApp & { database: TestDatabase };
  /** The gateway in front of both, as clients reach the RealWorld API. */
  gateway: ReturnType<typeof request>;
  /** Either the gateway or blog-service itself, for tests that run both ways. */
  via(entry: 'gateway' | 'service'): ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface BlogStackOptions {
  /** Variables for blog-service that differ from the test defaults. */
  environment?: Record<string, string>;
  /** Topics shared with another service under test, so it consumes what these two publish. */
  kafka?: TestKafkaNames;
}

/**
 * auth-service and blog-service as they run in production, on their own databases, Kafka topics
 * and Redis prefixes, with the gateway in front: blog verifies auth's tokens over its JWKS,
 * consumes its `auth.users` events and repairs its projection over its gRPC directory.
 */
export async function startBlogStack(
  label: string,
  options: BlogStackOptions = {},
): Promise<BlogStack> {
  const kafka = options.kafka ?? testKafkaNames(label);
  const {
    auth,
    port: authPort,
    tokenVerification,
  } = await startListeningAuthService(label, {
    kafka,
  });

  const database = await createTestDatabase(servicePrismaProject('blog'));
  const serverUrl = testEndpoints.databaseUrl;
  // blog-service makes the bucket at start; the stack removes it with everything in it.
  const bucket = testBucketName('blog');
  const s3 = testEndpoints.s3;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: testEndpoints.redisUrl,
    KAFKA_BROKERS: testEndpoints.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    QUEUE_PREFIX: testRedisPrefix(label),
    CACHE_PREFIX: `${testRedisPrefix(label)}:cache`,
    ...tokenVerification,
    AUTH_GRPC_URL: auth.grpcUrl ?? '',
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_BUCKET: bucket,
    ...options.environment,
  });
  const app = await createTestApp(AppModule, { http: httpOptions });
  process.env.DATABASE_URL = serverUrl;
  const blogPort = await sparePort();
  await app.app.listen(blogPort, '127.0.0.1');

  const gatewayPort = await sparePort();
  const gatewayServer: Server = await startDevGateway(
    gatewayPort,
    new Map([
      ['auth-service', authPort],
      ['blog-service', blogPort],
    ]),
  );
  const gateway = request(`http://127.0.0.1:${gatewayPort}`);
  return {
    auth,
    blog: { ...app, database },
    gateway,
    via: (entry) => (entry === 'gateway' ? gateway : app.http),
    close: async () => {
      await new Promise((resolve) => gatewayServer.close(resolve));
      await app.close();
      await Promise.all([database.drop(), removeTestBucket(bucket)]);
      await auth.close();
    },
  };
}
