import { ConfigurationError, loadConfiguration } from '@capstone/platform/config';
import { z } from 'zod';
import { rateLimitEnvironment } from './rate-limit-environment';

const schema = z.object(rateLimitEnvironment());

function problemsOf(source: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadConfiguration(schema, source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('rate-limit configuration', () => {
  it('reads each limit as requests per window, in seconds', () => {
    const limits = loadConfiguration(schema, {
      RATE_LIMIT_REGISTER_PER_IP: '10000/1h',
      RATE_LIMIT_LOGIN_PER_IP: ' 7/90s ',
      RATE_LIMIT_REFRESH_PER_IP: '2/15m',
      LOGIN_LOCKOUT_FAILURES: '20/2d',
      LOGIN_LOCKOUT_FIRST_LOCK: '5s',
    });

    expect(limits).toMatchObject({
      RATE_LIMIT_REGISTER_PER_IP: { limit: 10_000, windowSeconds: 3600 },
      RATE_LIMIT_LOGIN_PER_IP: { limit: 7, windowSeconds: 90 },
      RATE_LIMIT_REFRESH_PER_IP: { limit: 2, windowSeconds: 900 },
      LOGIN_LOCKOUT_FAILURES: { limit: 20, windowSeconds: 172_800 },
      LOGIN_LOCKOUT_FIRST_LOCK: 5,
    });
  });

  it('falls back to the strict production limits when nothing is set', () => {
    expect(loadConfiguration(schema, {})).toEqual({
      RATE_LIMIT_PREFIX: 'capstone:auth',
      RATE_LIMIT_LOGIN_PER_IP: { limit: 30, windowSeconds: 300 },
      RATE_LIMIT_LOGIN_PER_ACCOUNT: { limit: 10, windowSeconds: 900 },
      RATE_LIMIT_REFRESH_PER_IP: { limit: 60, windowSeconds: 60 },
      RATE_LIMIT_REGISTER_PER_IP: { limit: 10, windowSeconds: 3600 },
      RATE_LIMIT_REGISTER_PER_ACCOUNT: { limit: 3, windowSeconds: 3600 },
      RATE_LIMIT_RESET_REQUEST_PER_IP: { limit: 10, windowSeconds: 3600 },
      RATE_LIMIT_RESET_REQUEST_PER_ACCOUNT: { limit: 3, windowSeconds: 3600 },
      RATE_LIMIT_RESET_CONFIRM_PER_IP: { limit: 20, windowSeconds: 3600 },
      RATE_LIMIT_VERIFICATION_EMAIL_PER_IP: { limit: 5, windowSeconds: 3600 },
      RATE_LIMIT_VERIFICATION_CONFIRM_PER_IP: { limit: 20, windowSeconds: 3600 },
      RATE_LIMIT_PASSWORD_CHANGE_PER_IP: { limit: 10, windowSeconds: 900 },
      LOGIN_LOCKOUT_FAILURES: { limit: 5, windowSeconds: 86_400 },
      LOGIN_LOCKOUT_FIRST_LOCK: 30,
      LOGIN_LOCKOUT_LONGEST_LOCK: 3600,
    });
  });

  it('rejects zero, negative, non-numeric and unitless limits, naming every one at once', () => {
    const problems = problemsOf({
      RATE_LIMIT_LOGIN_PER_IP: '0/5m',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '-3/15m',
      RATE_LIMIT_REFRESH_PER_IP: 'ten/1m',
      RATE_LIMIT_REGISTER_PER_IP: '10/0h',
      RATE_LIMIT_REGISTER_PER_ACCOUNT: '10/3600',
      RATE_LIMIT_RESET_CONFIRM_PER_IP: '10',
      LOGIN_LOCKOUT_FIRST_LOCK: '0s',
      LOGIN_LOCKOUT_LONGEST_LOCK: 'forever',
    });

    const format = 'must be <requests>/<window>, such as 10/1h';
    const lockFormat = 'must be a duration such as 30s, 15m or 1h';
    expect(problems.map(({ variable, problem }) => [variable, problem])).toEqual([
      ['RATE_LIMIT_LOGIN_PER_IP', 'must allow at least one request'],
      ['RATE_LIMIT_LOGIN_PER_ACCOUNT', format],
      ['RATE_LIMIT_REFRESH_PER_IP', format],
      ['RATE_LIMIT_REGISTER_PER_IP', 'must have a window of at least 1s'],
      ['RATE_LIMIT_REGISTER_PER_ACCOUNT', format],
      ['RATE_LIMIT_RESET_CONFIRM_PER_IP', format],
      ['LOGIN_LOCKOUT_FIRST_LOCK', lockFormat],
      ['LOGIN_LOCKOUT_LONGEST_LOCK', lockFormat],
    ]);
    expect(problems[0]?.expected).toBe(
      'logins per client IP, as <requests>/<window in s, m, h or d> (production: 30/5m)',
    );
  });
});
