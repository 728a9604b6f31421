import {
  createTestDatabase,
  serviceTestEnvironment,
  servicePrismaProject,
  startListeningTestApp,
  startTestGateway,
  testEndpoints,
  testKafkaNames,
  testRedisPrefix,
  type TestApp,
  type TestDatabase,
  type TestKafkaNames,
} from '@capstone/platform/testing';
import type request from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- blog's users live in the real auth-service, built by its own test harness
import {
  startListeningAuthService,
  type AuthServiceUnderTest,
} from '../../auth-service/test/auth-service';
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
  // blog-service makes the bucket at start; the stack removes it with everything in it.
  const bucket = testBucketName('blog');
  const s3 = testEndpoints.s3;
  const app = await startListeningTestApp(AppModule, {
    http: httpOptions,
    environment: {
      ...serviceTestEnvironment(label, { databaseUrl: database.url, kafka }),
      CACHE_PREFIX: `${testRedisPrefix(label)}:cache`,
      ...tokenVerification,
      AUTH_GRPC_URL: auth.grpcUrl ?? '',
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_BUCKET: bucket,
      ...options.environment,
    },
  });
  const gateway = await startTestGateway({ 'auth-service': authPort, 'blog-service': app.port });
  return {
    auth,
    blog: { ...app, database },
    gateway: gateway.http,
    via: (entry) => (entry === 'gateway' ? gateway.http : app.http),
    close: async () => {
      await gateway.close();
      await app.close();
      await Promise.all([database.drop(), removeTestBucket(bucket)]);
      await auth.close();
    },
  };
}
