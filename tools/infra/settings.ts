import { existsSync } from 'node:fs';
import { InfraError } from './infra-error';
import { dataDir } from '../workspace/paths';
import { envFile } from './infra-paths';
import { parseBrokerList } from './kafka/broker-list';
import type { SocketAddress } from './network';

/** What an S3 client signs its requests with (S3Mock accepts any; MinIO and AWS check them). */
export interface S3Signing {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface InfraSettings {
  databaseUrl: URL;
  redisUrl: URL;
  kafkaBrokers: SocketAddress[];
  kafkaHeapOptions: string[];
  s3Endpoint: URL;
  s3Signing: S3Signing;
  /** Where infra keeps its registry, lock, logs and local servers' data (see infraPaths). */
  dataDir: string;
}

const defaults = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_HEAP_OPTS: '-Xmx512m -Xms256m',
  S3_ENDPOINT: 'http://127.0.0.1:9090',
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'capstone',
  S3_SECRET_ACCESS_KEY: 'capstone-dev-secret',
};

type SettingName = keyof typeof defaults;

/** The environment's settings; `overrides` win, which is how a test points infra at spare ports and a scratch data dir. */
export function infraSettings(overrides: Partial<InfraSettings> = {}): InfraSettings {
  // A root .env fills in what the real environment leaves unset: loadEnvFile never overrides a set variable.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return {
    databaseUrl: urlSetting('DATABASE_URL'),
    redisUrl: urlSetting('REDIS_URL'),
    kafkaBrokers: parseBrokerList(setting('KAFKA_BROKERS')),
    kafkaHeapOptions: setting('KAFKA_HEAP_OPTS').split(/\s+/).filter(Boolean),
    s3Endpoint: urlSetting('S3_ENDPOINT'),
    s3Signing: {
      region: setting('S3_REGION'),
      accessKeyId: setting('S3_ACCESS_KEY_ID'),
      secretAccessKey: setting('S3_SECRET_ACCESS_KEY'),
    },
    dataDir,
    ...overrides,
  };
}

function setting(name: SettingName): string {
  return process.env[name] || defaults[name];
}

function urlSetting(name: SettingName): URL {
  const value = setting(name);
  try {
    return new URL(value);
  } catch {
    throw new InfraError(
      'INVALID_SETTING',
      `${name} must be a URL such as ${defaults[name]}, not "${value}"`,
    );
  }
}
