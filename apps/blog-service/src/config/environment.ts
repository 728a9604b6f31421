import {
  databaseUrl,
  eventsEnvironment,
  platformEnvironment,
  queuesEnvironment,
  tokenVerificationEnvironment,
} from '@capstone/platform/config';
import { z } from 'zod';

/** Every variable blog-service reads; `.env.example` documents each one. */
export const environmentSchema = z.object({
  ...platformEnvironment(3002),
  DATABASE_URL: databaseUrl(),
  ...eventsEnvironment(),
  ...queuesEnvironment(),
  ...tokenVerificationEnvironment(),
  CACHE_PREFIX: z
    .string()
    .min(1)
    .default('blog')
    .describe("namespace of blog-service's cache keys in Redis"),
  AUTH_GRPC_URL: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .describe(
      "auth-service's internal gRPC address (host:port), asked when the author projection misses",
    ),
});

export type Environment = z.output<typeof environmentSchema>;
