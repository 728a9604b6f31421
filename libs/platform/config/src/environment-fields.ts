import { z } from 'zod';

/**
 * Field builders for the variables every service shares. A service composes its
 * `environmentSchema` from them, so one variable means the same thing everywhere.
 * `.describe()` states what is expected; the startup report prints it next to each problem.
 */

export const nodeEnv = () =>
  z
    .enum(['development', 'test', 'production'])
    .default('production')
    .describe('development, test or production');

export const port = (defaultPort: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(defaultPort)
    .describe('a TCP port between 1 and 65535');

export const logLevel = () =>
  z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('a pino level: fatal, error, warn, info, debug, trace or silent');

const byteSize = (defaultSize: string, what: string) =>
  z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 100kb or 1mb')
    .default(defaultSize)
    .describe(`${what}, e.g. 100kb or 1mb`);

export const bodyLimit = () => byteSize('100kb', 'the largest accepted request body');

/** `100kb` → 102400: sizes are written as people write them and counted in bytes. */
export function bytesOf(size: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(size) ?? [];
  if (amount === undefined) throw new RangeError(`not a size: ${size}`);
  return Number(amount) * { b: 1, kb: 1024, mb: 1024 * 1024 }[unit.toLowerCase() as 'b'];
}

export const corsOrigins = () =>
  commaSeparated(
    z
      .string()
      .regex(/^(\*|https?:\/\/[^/\s]+)$/, 'must be * or an origin such as https://app.example.com'),
  )
    .default([])
    .describe('comma-separated browser origins allowed by CORS, or * for any; empty allows none');

export const databaseUrl = () =>
  z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .describe('a PostgreSQL connection URL, e.g. postgresql://postgres@127.0.0.1:5432/auth');

export const redisUrl = () =>
  z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .describe('a Redis connection URL, e.g. redis://127.0.0.1:6379');

export const kafkaBrokers = () =>
  commaSeparated(z.string().regex(/^[^\s:,]+:\d{1,5}$/, 'must be host:port'))
    .pipe(z.array(z.string()).min(1, 'must list at least one broker'))
    .describe('comma-separated Kafka bootstrap brokers, e.g. 127.0.0.1:9092');

/**
 * What the HTTP server itself is built with, before the application (and so `AppConfig`) exists:
 * `@capstone/platform/http` reads these straight from the environment to create its adapter.
 */
export const httpServerEnvironment = () => ({
  BODY_LIMIT: bodyLimit(),
  UPLOAD_LIMIT: byteSize('10mb', 'the largest accepted file in a multipart upload'),
  TRUSTED_PROXIES: commaSeparated(z.string().min(1))
    .default(['loopback', 'linklocal', 'uniquelocal'])
    .describe(
      'comma-separated addresses, CIDR ranges or the names loopback, linklocal, uniquelocal: ' +
        'proxies whose X-Forwarded-For is believed for the client IP',
    ),
});

/** The variables the platform libraries read themselves: spread them into every service's schema. */
export const platformEnvironment = (defaultPort: number) => ({
  NODE_ENV: nodeEnv(),
  PORT: port(defaultPort),
  LOG_LEVEL: logLevel(),
  SLOW_REQUEST_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(1000)
    .describe('a request slower than this many milliseconds is logged as a warning'),
  CORS_ORIGINS: corsOrigins(),
  ...httpServerEnvironment(),
});

export type PlatformEnvironment = z.output<z.ZodObject<ReturnType<typeof platformEnvironment>>>;

const grpcAddress = () =>
  z
    .string()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:4001')
    .describe('a gRPC address, host:port');

/**
 * A service that answers gRPC calls beside HTTP (`HttpOptions.grpc`): where it listens. The
 * default port is its HTTP port + 1000 by convention (auth-service 3001 → 4001).
 */
export const grpcListenerEnvironment = (defaultPort: number) => ({
  GRPC_URL: grpcAddress()
    .default(`0.0.0.0:${defaultPort}`)
    .describe(`where its gRPC server listens, host:port (default 0.0.0.0:${defaultPort})`),
});

export type GrpcListenerEnvironment = z.output<
  z.ZodObject<ReturnType<typeof grpcListenerEnvironment>>
>;

/** A service that repairs its user projection from auth-service's UserDirectory (`@capstone/platform/rpc`). */
export const userDirectoryEnvironment = () => ({
  AUTH_GRPC_URL: grpcAddress().describe(
    "auth-service's internal gRPC address, host:port, e.g. 127.0.0.1:4001",
  ),
});

/** A service that publishes or consumes events (`@capstone/platform/events`). */
export const eventsEnvironment = () => ({
  KAFKA_BROKERS: kafkaBrokers(),
  KAFKA_PARTITIONS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('partitions of each topic it creates'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .default('')
    .describe('namespace for every topic and consumer group (tests isolate themselves with it)'),
});

/** A service that enqueues or works BullMQ jobs (`@capstone/platform/queues`). */
export const queuesEnvironment = () => ({
  REDIS_URL: redisUrl(),
  QUEUE_PREFIX: z.string().min(1).default('capstone').describe('BullMQ key prefix in Redis'),
});

const s3Url = () => z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** A service that keeps files in S3-compatible object storage (`@capstone/platform/storage`). */
export const storageEnvironment = () => ({
  S3_ENDPOINT: s3Url()
    .default('http://127.0.0.1:9090')
    .describe(
      'the S3-compatible endpoint, e.g. http://127.0.0.1:9090 (S3Mock) or http://minio:9000',
    ),
  S3_PUBLIC_ENDPOINT: s3Url()
    .optional()
    .describe(
      'where clients reach the store, when not at S3_ENDPOINT: presigned URLs are signed for its host',
    ),
  S3_REGION: z.string().min(1).default('us-east-1').describe('the region requests are signed for'),
  S3_ACCESS_KEY_ID: z
    .string()
    .min(1)
    .default('capstone')
    .describe('the access key id requests are signed with'),
  S3_SECRET_ACCESS_KEY: z
    .string()
    .min(1)
    .default('capstone-dev-secret')
    .describe('the secret access key requests are signed with'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be 3 to 63 lowercase letters, digits, dots and hyphens',
    )
    .default('capstone')
    .describe('the bucket the service keeps its objects in, created at start when it is missing'),
});

/** What every access token must say, for the service that signs them and those that verify them. */
export const accessTokenEnvironment = () => ({
  JWT_ISSUER: z.url().describe('the iss of every access token, e.g. http://127.0.0.1:3001'),
  JWT_AUDIENCE: z.string().min(1).default('capstone').describe('the aud of every access token'),
  ACCESS_TOKEN_MEMO: z
    .enum(['on', 'off'])
    .default('on')
    .describe('on: a verified token is remembered for up to a minute; off: every request verifies'),
});

/** A service that verifies access tokens against auth-service's published keys. */
export const tokenVerificationEnvironment = () => ({
  JWKS_URL: z
    .url()
    .describe("auth-service's JWKS, e.g. http://127.0.0.1:3001/.well-known/jwks.json"),
  ...accessTokenEnvironment(),
});

function commaSeparated(item: z.ZodString) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .pipe(z.array(item));
}
