import {
  accessTokenEnvironment,
  grpcListenerEnvironment,
  databaseUrl,
  eventsEnvironment,
  platformEnvironment,
  queuesEnvironment,
} from '@capstone/platform/config';
import { z } from 'zod';
import { rateLimitEnvironment } from './rate-limit-environment';

/** Every variable auth-service reads; `.env.example` documents each one. */
export const environmentSchema = z.object({
  ...platformEnvironment(3001),
  ...grpcListenerEnvironment(4001),
  DATABASE_URL: databaseUrl(),
  ...eventsEnvironment(),
  ...queuesEnvironment(),
  ...accessTokenEnvironment(),
  ...rateLimitEnvironment(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(3600)
    .default(900)
    .describe('access-token lifetime'),
  SESSION_IDLE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(7 * 86_400)
    .describe('a session unused this long ends'),
  SESSION_ABSOLUTE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(30 * 86_400)
    .describe('a session ends this long after login, however active'),
  SIGNING_KEY_ENCRYPTION_KEY: z
    .base64()
    .refine(
      (value) => Buffer.from(value, 'base64').length === 32,
      'must be 32 bytes, base64-encoded',
    )
    .describe('AES-256-GCM key that encrypts signing keys at rest (openssl rand -base64 32)'),
  PUBLIC_APP_URL: z
    .url()
    .describe(
      'origin of the web app: email links point there, and cookie refreshes must come from it',
    ),
});

export type Environment = z.output<typeof environmentSchema>;
