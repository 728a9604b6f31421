import { databaseUrl, kafkaBrokers, platformEnvironment, redisUrl } from '@capstone/platform/config';
import { z } from 'zod';

/** Every variable auth-service reads; `.env.example` documents each one. */
export const environmentSchema = z.object({
  ...platformEnvironment(3001),
  DATABASE_URL: databaseUrl(),
  REDIS_URL: redisUrl(),
  KAFKA_BROKERS: kafkaBrokers(),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3).describe('partitions of each topic it creates'),
  KAFKA_TOPIC_PREFIX: z.string().default('').describe('namespace for every topic (tests isolate themselves with it)'),
  QUEUE_PREFIX: z.string().min(1).default('capstone').describe('BullMQ key prefix in Redis'),
  JWT_ISSUER: z.url().describe('the iss of every access token, e.g. http://127.0.0.1:3001'),
  JWT_AUDIENCE: z.string().min(1).default('capstone').describe('the aud of every access token'),
});

export type Environment = z.output<typeof environmentSchema>;
