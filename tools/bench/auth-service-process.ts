import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { infraDown, infraUp } from '../infra';
import { formatAddress } from '../infra/network';
import { infraSettings } from '../infra/settings';
import { binary, runCommand } from '../workspace/command';
import { repoRoot } from '../workspace/paths';
import { startServiceProcess, type ServiceProcess } from './service-process';

/**
 * Starts the local Postgres, Redis and Kafka where they are not running (`infraUp` resolves only
 * once each is healthy), and returns what stops again just those it started, as `npm test` does.
 */
export async function ensureInfrastructure(): Promise<() => Promise<void>> {
  const { startedNow } = await infraUp({ log: () => undefined });
  return async () => {
    if (startedNow.length > 0) await infraDown({ only: startedNow, log: () => undefined });
  };
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

let built: Promise<void> | undefined;

/** The production bundle, as the image runs it; Nx answers from its cache when nothing changed. */
function buildAuthService(): Promise<void> {
  built ??= runCommand(binary('nx'), ['run', 'auth-service:build'], {
    capture: true,
    env: { NX_DAEMON: 'false', NX_TUI: 'false' },
  }).then(({ exitCode, output }) => {
    if (exitCode !== 0) throw new Error(`nx run auth-service:build failed:\n${output}`);
  });
  return built;
}

/** auth-service as built for production, on the run's database; `env` adds or overrides variables. */
export async function startAuthService(
  run: AuthServiceRun,
  env: NodeJS.ProcessEnv = {},
): Promise<ServiceProcess> {
  await buildAuthService();
  const infra = infraSettings();
  return startServiceProcess(join(repoRoot, 'dist/apps/auth-service/main.js'), undefined, {
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
  });
}
