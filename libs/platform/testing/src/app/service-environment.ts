import { testEndpoints } from '../infrastructure/test-endpoints';
import type { TestKafkaNames } from '../kafka/test-kafka-names';
import { testRedisPrefix } from '../redis/test-redis-prefix';

/**
 * The variables every service under test shares: test mode, quiet logs, its own database, and the
 * run's Redis and Kafka under this file's names. A service's harness adds its own on top.
 */
export function serviceTestEnvironment(
  label: string,
  { databaseUrl, kafka }: { databaseUrl: string; kafka: TestKafkaNames },
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testEndpoints.redisUrl,
    KAFKA_BROKERS: testEndpoints.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    QUEUE_PREFIX: testRedisPrefix(label),
  };
}
