import { z } from 'zod';
import { ConfigurationError } from './configuration-error';
import { loadConfiguration } from './load-configuration';
import { allowance, duration } from './rate-limit-fields';

const schema = z.object({
  LOGINS: allowance('30/5m', 'logins per client IP'),
  LOCK: duration('30s', 'the first lock'),
});

function problemsOf(source: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadConfiguration(schema, source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('rate-limit variables', () => {
  it('read an allowance as requests per window and a duration as seconds, in any unit', () => {
    expect(loadConfiguration(schema, { LOGINS: ' 7/90s ', LOCK: '2d' })).toEqual({
      LOGINS: { limit: 7, windowSeconds: 90 },
      LOCK: 172_800,
    });
    expect(loadConfiguration(schema, { LOGINS: '10000/1h', LOCK: '15m' })).toEqual({
      LOGINS: { limit: 10_000, windowSeconds: 3600 },
      LOCK: 900,
    });
  });

  it('fall back to the production value when unset', () => {
    expect(loadConfiguration(schema, {})).toEqual({
      LOGINS: { limit: 30, windowSeconds: 300 },
      LOCK: 30,
    });
  });

  it.each([
    ['0/5m', 'must allow at least one request'],
    ['10/0h', 'must have a window of at least 1s'],
    ['-3/15m', 'must be <requests>/<window>, such as 10/1h'],
    ['ten/1m', 'must be <requests>/<window>, such as 10/1h'],
    ['10/3600', 'must be <requests>/<window>, such as 10/1h'],
    ['10', 'must be <requests>/<window>, such as 10/1h'],
  ])('refuse the allowance %s: %s', (value, problem) => {
    expect(problemsOf({ LOGINS: value })).toEqual([
      {
        variable: 'LOGINS',
        problem,
        expected:
          'logins per client IP, as <requests>/<window in s, m, h or d> (production: 30/5m)',
      },
    ]);
  });

  it.each(['0s', 'forever', '30'])('refuse the duration %s', (value) => {
    expect(problemsOf({ LOCK: value }).map(({ problem }) => problem)).toEqual([
      'must be a duration such as 30s, 15m or 1h',
    ]);
  });
});
