import { z } from 'zod';

/** How many requests one client IP or account may make within a window. */
export interface Allowance {
  limit: number;
  windowSeconds: number;
}

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const WINDOW = '(\\d+)([smhd])';
const DURATION_PATTERN = new RegExp(`^${WINDOW}$`);
const ALLOWANCE_PATTERN = new RegExp(`^(\\d+)/${WINDOW}$`);

function toSeconds(amount: string, unit: string): number {
  return Number(amount) * SECONDS_PER_UNIT[unit as keyof typeof SECONDS_PER_UNIT];
}

/** `10/1h`: at most 10 requests an hour. Unset, it is the strict production value. */
export const allowance = (production: string, counted: string) =>
  z
    .string()
    .trim()
    .transform((value, context): Allowance => {
      const [, limit, amount, unit] = ALLOWANCE_PATTERN.exec(value) ?? [];
      if (limit === undefined || amount === undefined || unit === undefined) {
        context.addIssue({ code: 'custom', message: 'must be <requests>/<window>, such as 10/1h' });
      } else if (Number(limit) < 1) {
        context.addIssue({ code: 'custom', message: 'must allow at least one request' });
      } else if (Number(amount) < 1) {
        context.addIssue({ code: 'custom', message: 'must have a window of at least 1s' });
      } else {
        return { limit: Number(limit), windowSeconds: toSeconds(amount, unit) };
      }
      return z.NEVER;
    })
    .prefault(production)
    .describe(`${counted}, as <requests>/<window in s, m, h or d> (production: ${production})`);

/** `30s`, `15m`, `1h` or `1d`, in seconds. */
export const duration = (production: string, what: string) =>
  z
    .string()
    .trim()
    .transform((value, context): number => {
      const [, amount, unit] = DURATION_PATTERN.exec(value) ?? [];
      if (amount === undefined || unit === undefined || Number(amount) < 1) {
        context.addIssue({ code: 'custom', message: 'must be a duration such as 30s, 15m or 1h' });
        return z.NEVER;
      }
      return toSeconds(amount, unit);
    })
    .prefault(production)
    .describe(`${what}, in s, m, h or d (production: ${production})`);

/**
 * Every limit auth-service enforces, one variable each. The defaults are production's; `.env.example`
 * (and so `npm start` and Compose) sets development ones generous enough for conformance suites.
 */
export const rateLimitEnvironment = () => ({
  RATE_LIMIT_PREFIX: z
    .string()
    .min(1)
    .default('capstone:auth')
    .describe('Redis key prefix of rate-limit counters and login locks'),
  RATE_LIMIT_LOGIN_PER_IP: allowance('30/5m', 'logins per client IP'),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: allowance('10/15m', 'logins per email'),
  RATE_LIMIT_REFRESH_PER_IP: allowance('60/1m', 'token refreshes per client IP'),
  RATE_LIMIT_REGISTER_PER_IP: allowance('10/1h', 'registrations per client IP'),
  RATE_LIMIT_REGISTER_PER_ACCOUNT: allowance('3/1h', 'registrations per email'),
  RATE_LIMIT_RESET_REQUEST_PER_IP: allowance('10/1h', 'password-reset emails per client IP'),
  RATE_LIMIT_RESET_REQUEST_PER_ACCOUNT: allowance('3/1h', 'password-reset emails per email'),
  RATE_LIMIT_RESET_CONFIRM_PER_IP: allowance('20/1h', 'password resets per client IP'),
  RATE_LIMIT_VERIFICATION_EMAIL_PER_IP: allowance('5/1h', 'verification emails per client IP'),
  RATE_LIMIT_VERIFICATION_CONFIRM_PER_IP: allowance('20/1h', 'email confirmations per client IP'),
  RATE_LIMIT_PASSWORD_CHANGE_PER_IP: allowance('10/15m', 'password changes per client IP'),
  LOGIN_LOCKOUT_FAILURES: allowance(
    '5/1d',
    'failed logins for one email after which it is locked, forgotten a window after the first',
  ),
  LOGIN_LOCKOUT_FIRST_LOCK: duration('30s', 'the first lock; each further failure doubles it'),
  LOGIN_LOCKOUT_LONGEST_LOCK: duration('1h', 'the longest a lock grows'),
});
