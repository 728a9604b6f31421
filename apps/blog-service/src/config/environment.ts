import {
  databaseUrl,
  eventsEnvironment,
  platformEnvironment,
  queuesEnvironment,
  storageEnvironment,
  tokenVerificationEnvironment,
  userDirectoryEnvironment,
} from '@capstone/platform/config';
import { z } from 'zod';

/** Every variable blog-service reads; `.env.example` documents each one. */
export const environmentSchema = z.object({
  ...platformEnvironment(3002),
  DATABASE_URL: databaseUrl(),
  ...eventsEnvironment(),
  ...queuesEnvironment(),
  ...tokenVerificationEnvironment(),
  ...storageEnvironment(),
  CACHE_PREFIX: z
    .string()
    .min(1)
    .default('blog')
    .describe("namespace of blog-service's cache keys in Redis"),
  ARTICLE_CACHE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(300)
    .describe(
      'how long an article read by slug stays in Redis; 0 bypasses the cache, every read going to Postgres',
    ),
  ...userDirectoryEnvironment(),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    // The thumbnail worker holds the whole original in memory.
    .max(50 * 1024 * 1024)
    .default(5 * 1024 * 1024)
    .describe(
      'the largest image accepted for upload, in bytes (default 5242880 = 5 MiB, at most 50 MiB)',
    ),
  MEDIA_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .default(2)
    .describe('thumbnail jobs one process runs at once; each decodes an image in memory'),
  GRAPHQL_MAX_DEPTH: z.coerce
    .number()
    .int()
    .min(1)
    .default(15)
    .describe(
      'deepest selection a GraphQL operation may nest (15 admits the standard introspection query); deeper ones fail with QUERY_TOO_DEEP',
    ),
  GRAPHQL_MAX_COMPLEXITY: z.coerce
    .number()
    .int()
    .min(1)
    .default(2000)
    .describe(
      'largest estimated cost of a GraphQL operation (a field costs 1, lists multiply by their size); costlier ones fail with QUERY_TOO_COMPLEX',
    ),
});

export type Environment = z.output<typeof environmentSchema>;
