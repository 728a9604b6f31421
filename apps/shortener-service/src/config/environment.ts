import {
  databaseUrl,
  eventsEnvironment,
  platformEnvironment,
  queuesEnvironment,
  tokenVerificationEnvironment,
} from '@capstone/platform/config';
import { CLICK_BATCH_MAX } from '@capstone/contracts';
import { z } from 'zod';
import { limitsEnvironment } from './limits-environment';

const hostList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host.length > 0),
  );

/** Every variable shortener-service reads; `.env.example` documents each one. */
export const environmentSchema = z.object({
  ...platformEnvironment(3005),
  DATABASE_URL: databaseUrl(),
  ...eventsEnvironment(),
  ...queuesEnvironment(),
  ...tokenVerificationEnvironment(),
  AUTH_INTERNAL_URL: z
    .url()
    .describe(
      "auth-service's internal origin, e.g. http://127.0.0.1:3001, where personal API keys are verified",
    ),
  CACHE_PREFIX: z
    .string()
    .min(1)
    .default('shortener')
    .describe("namespace of shortener-service's cache keys in Redis"),
  SHORT_LINK_BASE_URL: z
    .url()
    .default('http://localhost:8080/s')
    .describe(
      'what a short link looks like before its code, e.g. https://sho.rt or http://localhost:8080/s',
    ),
  BLOCKED_HOSTS: hostList.describe(
    'comma-separated hosts no link may point at (subdomains included), e.g. evil.example,malware.test',
  ),
  ...limitsEnvironment(),
  CLICK_BATCH_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(CLICK_BATCH_MAX)
    .default(500)
    .describe(
      `clicks in one message to shortener.clicks at most (1 to ${CLICK_BATCH_MAX}); a full batch is published at once`,
    ),
  CLICK_FLUSH_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(1000)
    .describe(
      'how long a click waits in memory at most before its batch, full or not, is published',
    ),
  CLICK_BUFFER_SIZE: z.coerce
    .number()
    .int()
    // Twice the largest batch: half the buffer takes the clicks that arrive while the other half moves to Redis.
    .min(2 * CLICK_BATCH_MAX)
    .default(50_000)
    .describe(
      `clicks one instance keeps in memory while Kafka is away (at least ${2 * CLICK_BATCH_MAX}); from half full, batches move to a Redis list, and a click that finds it full is dropped and counted`,
    ),
  CLICK_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(90)
    .describe(
      'days each click is kept for the clicks CSV export; hourly and daily counters are kept for good',
    ),
});

export type Environment = z.output<typeof environmentSchema>;
