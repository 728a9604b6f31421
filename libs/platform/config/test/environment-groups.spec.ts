import { z } from 'zod';
import {
  ConfigurationError,
  eventsEnvironment,
  loadConfiguration,
  queuesEnvironment,
  tokenVerificationEnvironment,
} from '../src';

const serviceSchema = z.object({
  ...eventsEnvironment(),
  ...queuesEnvironment(),
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
});
