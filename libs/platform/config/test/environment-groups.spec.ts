import { z } from 'zod';
import {
  ConfigurationError,
  eventsEnvironment,
  loadConfiguration,
  queuesEnvironment,
  storageEnvironment,
  tokenVerificationEnvironment,
} from '../src';

const serviceSchema = z.object({
  ...eventsEnvironment(),
  ...queuesEnvironment(),
  ...storageEnvironment(),
  ...tokenVerificationEnvironment(),
});

describe('the shared variable groups services spread into their schemas', () => {
  it('fill in their defaults and type each value', () => {
    const config = loadConfiguration(serviceSchema, {
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWKS_URL: 'http://auth:3001/.well-known/jwks.json',
      JWT_ISSUER: 'http://auth:3001',
    });
    expect(config).toEqual({
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9094'],
      KAFKA_PARTITIONS: 3,
      KAFKA_TOPIC_PREFIX: '',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'capstone',
      S3_ENDPOINT: 'http://127.0.0.1:9090',
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'capstone',
      S3_SECRET_ACCESS_KEY: 'capstone-dev-secret',
      S3_BUCKET: 'capstone',
      JWKS_URL: 'http://auth:3001/.well-known/jwks.json',
      JWT_ISSUER: 'http://auth:3001',
      JWT_AUDIENCE: 'capstone',
      ACCESS_TOKEN_MEMO: 'on',
    });
  });

  it('report every variable a service is missing at once', () => {
    try {
      loadConfiguration(serviceSchema, {});
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const variables = (error as ConfigurationError).problems.map((problem) => problem.variable);
      expect(variables.sort()).toEqual(['JWKS_URL', 'JWT_ISSUER', 'KAFKA_BROKERS', 'REDIS_URL']);
    }
  });

  it('refuse an S3 endpoint that is not http(s) and a bucket name S3 would reject', () => {
    try {
      loadConfiguration(serviceSchema, {
        KAFKA_BROKERS: '127.0.0.1:9092',
        REDIS_URL: 'redis://127.0.0.1:6379',
        JWKS_URL: 'http://auth:3001/.well-known/jwks.json',
        JWT_ISSUER: 'http://auth:3001',
        S3_ENDPOINT: 'ftp://127.0.0.1:9090',
        S3_BUCKET: 'Blog_Media',
      });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const problems = (error as ConfigurationError).problems.map(({ variable, problem }) => ({
        variable,
        problem,
      }));
      expect(problems).toEqual([
        { variable: 'S3_ENDPOINT', problem: 'must be an http:// or https:// URL' },
        {
          variable: 'S3_BUCKET',
          problem: 'must be 3 to 63 lowercase letters, digits, dots and hyphens',
        },
      ]);
    }
  });
});
