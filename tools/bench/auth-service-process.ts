import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { infraUp } from '../infra';
import { formatAddress } from '../infra/network';
import { infraSettings } from '../infra/settings';
import { repoRoot } from '../workspace/paths';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** Starts the local Postgres, Redis and Kafka where they are not running, and insists they are healthy. */
export async function ensureInfrastructure(): Promise<void> {
  const { statuses } = await infraUp({ log: () => undefined });
  const down = statuses.filter((status) => !status.healthy).map((status) => status.component);
  if (down.length > 0) throw new Error(`infrastructure is not healthy: ${down.join(', ')}`);
}

export interface AuthServiceRun {
  databaseUrl: string;
  /** Names of its own: a run never shares topics, queues or rate-limit counters with another. */
  prefix: string;
  /** Encrypts the signing keys at rest; processes of one run share it, so they share the keys. */
  signingKeyEncryptionKey: string;
}

export function authServiceRun(databaseUrl: string): AuthServiceRun {
  return {
    databaseUrl,
    prefix: `bench-${randomBytes(4).toString('hex')}`,
    signingKeyEncryptionKey: randomBytes(32).toString('base64'),
  };
}

/** auth-service from source, in production mode, on the run's database; `env` adds or overrides variables. */
export function startAuthService(
  run: AuthServiceRun,
  env: NodeJS.ProcessEnv = {},
): Promise<ServiceProcess> {
  const infra = infraSettings();
  return startServiceProcess(
    join(repoRoot, 'apps/auth-service/src/main.ts'),
    join(repoRoot, 'tsconfig.scripts.json'),
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: run.databaseUrl,
      REDIS_URL: infra.redisUrl.toString(),
      KAFKA_BROKERS: infra.kafkaBrokers.map(formatAddress).join(','),
      KAFKA_TOPIC_PREFIX: run.prefix,
      QUEUE_PREFIX: run.prefix,
      RATE_LIMIT_PREFIX: `${run.prefix}:limits`,
      JWT_ISSUER: 'http://127.0.0.1',
      SIGNING_KEY_ENCRYPTION_KEY: run.signingKeyEncryptionKey,
      PUBLIC_APP_URL: 'http://127.0.0.1',
      ...env,
    },
  );
}
