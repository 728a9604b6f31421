import { allowance } from '@capstone/platform/config';
import { z } from 'zod';

/**
 * How much one caller may do, one variable each. The defaults are production's; `.env.example`
 * (and so `npm start` and Compose) sets development ones that never get in a developer's way.
 */
export const limitsEnvironment = () => ({
  RATE_LIMIT_LINK_CREATE_PER_USER: allowance(
    '300/1h',
    "links one user creates, whatever credential they use (an API key's count here too)",
  ),
  RATE_LIMIT_LINK_CREATE_PER_API_KEY: allowance('100/1h', 'links created with one API key'),
  RATE_LIMIT_LINK_IMPORT_PER_USER: allowance('10/1h', 'CSV imports by one user'),
  RATE_LIMIT_LINK_IMPORT_PER_API_KEY: allowance('5/1h', 'CSV imports with one API key'),
  RATE_LIMIT_LINK_PASSWORD_PER_IP: allowance(
    '10/15m',
    'password guesses on one protected link from one client IP, right or wrong',
  ),
  IMPORT_MAX_LINES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(10_000)
    .describe('links one CSV import may hold; the lines past it are reported and not read'),
});
