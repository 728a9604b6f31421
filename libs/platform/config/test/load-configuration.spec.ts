import { z } from 'zod';
import {
  ConfigurationError,
  databaseUrl,
  kafkaBrokers,
  loadConfiguration,
  platformEnvironment,
  redisUrl,
} from '../src';

const environmentSchema = z.object({
  ...platformEnvironment(3001),
  DATABASE_URL: databaseUrl(),
  REDIS_URL: redisUrl(),
  KAFKA_BROKERS: kafkaBrokers(),
  JWT_SECRET: z.string().min(32).describe('at least 32 random characters'),
});

const validEnvironment = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/auth',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  JWT_SECRET: 'a'.repeat(32),
};

function problemsOf(source: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadConfiguration(environmentSchema, source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfiguration', () => {
  it('returns typed values with the defaults applied', () => {
    const config = loadConfiguration(environmentSchema, validEnvironment);

    const port: number = config.PORT;
    const brokers: string[] = config.KAFKA_BROKERS;
    expect(port).toBe(3001);
    expect(brokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config).toMatchObject({
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      CORS_ORIGINS: [],
      BODY_LIMIT: '100kb',
    });
  });

  it('coerces numbers and splits comma-separated lists', () => {
    const config = loadConfiguration(environmentSchema, {
      ...validEnvironment,
      PORT: '8080',
      CORS_ORIGINS: 'https://app.example.com,http://localhost:4200',
    });

    expect(config.PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:4200']);
  });

  it('treats an empty variable as unset so its default applies', () => {
    expect(
      loadConfiguration(environmentSchema, { ...validEnvironment, PORT: '', LOG_LEVEL: '' }),
    ).toMatchObject({
      PORT: 3001,
      LOG_LEVEL: 'info',
    });
  });

  it('lists every missing and invalid variable in one error, with what was expected', () => {
    const problems = problemsOf({
      PORT: '99999',
      LOG_LEVEL: 'loud',
      REDIS_URL: 'http://127.0.0.1:6379',
      KAFKA_BROKERS: '127.0.0.1:9092,kafka',
    });

    expect(problems).toEqual([
      {
        variable: 'PORT',
        problem: 'Too big: expected number to be <=65535',
        expected: 'a TCP port between 1 and 65535',
      },
      expect.objectContaining({
        variable: 'LOG_LEVEL',
        expected: expect.stringContaining('a pino level'),
      }),
      expect.objectContaining({ variable: 'DATABASE_URL', problem: 'missing' }),
      expect.objectContaining({
        variable: 'REDIS_URL',
        problem: 'must be a redis:// or rediss:// URL',
      }),
      expect.objectContaining({ variable: 'KAFKA_BROKERS', problem: 'entry 1 must be host:port' }),
      { variable: 'JWT_SECRET', problem: 'missing', expected: 'at least 32 random characters' },
    ]);
  });

  it('reports every problem in the error message, one line each', () => {
    expect(() => loadConfiguration(environmentSchema, {})).toThrow(
      [
        'Invalid configuration: 4 problems',
        '  DATABASE_URL: missing (expected a PostgreSQL connection URL, e.g. postgresql://postgres@127.0.0.1:5432/auth)',
        '  REDIS_URL: missing (expected a Redis connection URL, e.g. redis://127.0.0.1:6379)',
        '  KAFKA_BROKERS: missing (expected comma-separated Kafka bootstrap brokers, e.g. 127.0.0.1:9092)',
        '  JWT_SECRET: missing (expected at least 32 random characters)',
      ].join('\n'),
    );
  });

  it('never repeats a rejected value, which may be a secret', () => {
    const secrets = {
      DATABASE_URL: 'mysql://admin:s3cr3t-password@db/auth',
      JWT_SECRET: 'too-short-but-secret',
    };

    let message = '';
    try {
      loadConfiguration(environmentSchema, { ...validEnvironment, ...secrets });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(message).toContain('JWT_SECRET: Too small');
    expect(message).not.toContain('s3cr3t-password');
    expect(message).not.toContain('too-short-but-secret');
  });
});
