import { allowance, duration } from '@capstone/platform/config';
import { z } from 'zod';

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
