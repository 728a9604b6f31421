/** Where tests find the infrastructure: the same variables and defaults as `npm run infra`. */
export const testEndpoints = {
  get databaseUrl(): string {
    return process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  },
  get redisUrl(): string {
    return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  },
  get kafkaBrokers(): string[] {
    return (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
      .split(',')
      .map((broker) => broker.trim());
  },
};
