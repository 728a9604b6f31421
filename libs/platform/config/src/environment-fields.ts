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

export const bodyLimit = () =>
  z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 100kb or 1mb')
    .default('100kb')
    .describe('the largest accepted request body, e.g. 100kb or 1mb');

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

/** The variables the platform libraries read themselves: spread them into every service's schema. */
export const platformEnvironment = (defaultPort: number) => ({
  NODE_ENV: nodeEnv(),
  PORT: port(defaultPort),
  LOG_LEVEL: logLevel(),
  CORS_ORIGINS: corsOrigins(),
  BODY_LIMIT: bodyLimit(),
});

export type PlatformEnvironment = z.output<z.ZodObject<ReturnType<typeof platformEnvironment>>>;

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
