import { z } from 'zod';

/** How many requests one client (an IP, an account, a key) may make within a window. */
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
