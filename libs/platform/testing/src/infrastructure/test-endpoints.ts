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
  /** The S3-compatible store and what requests to it are signed with (S3Mock accepts any). */
  get s3(): { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string } {
    return {
      endpoint: process.env.S3_ENDPOINT || 'http://127.0.0.1:9090',
      region: process.env.S3_REGION || 'us-east-1',
      accessKeyId: process.env.S3_ACCESS_KEY_ID || 'capstone',
      secretAccessKey: process.env.S3_SECRET_ACCESS_KEY || 'capstone-dev-secret',
    };
  },
};
