import {
  databaseUrl,
  eventsEnvironment,
  platformEnvironment,
  queuesEnvironment,
  tokenVerificationEnvironment,
} from '@capstone/platform/config';
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
});

export type Environment = z.output<typeof environmentSchema>;
