import { join } from 'node:path';
import { infraDown, infraUp } from '../infra';
import { formatAddress } from '../infra/network';
import { infraSettings } from '../infra/settings';
import { binary, runCommand } from '../workspace/command';
import { IMAGE_RUNTIME_ENVIRONMENT } from '../workspace/image-runtime-environment';
import { repoRoot } from '../workspace/paths';
import {
  startServiceProcess,
  type ServiceProcess,
  type ServiceProcessOptions,
} from './service-process';

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

/** The local Redis and Kafka under names of the run's own: no topic, queue or consumer group shared with another run. */
export function infrastructureEnvironment(prefix: string): NodeJS.ProcessEnv {
  const infra = infraSettings();
  return {
    REDIS_URL: infra.redisUrl.toString(),
    KAFKA_BROKERS: infra.kafkaBrokers.map(formatAddress).join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    QUEUE_PREFIX: prefix,
  };
}

const builds = new Map<string, Promise<void>>();

/** The production bundle, as the image runs it; Nx answers from its cache when nothing changed. */
function build(app: string): Promise<void> {
  let built = builds.get(app);
  if (!built) {
    built = runCommand(binary('nx'), ['run', `${app}:build`], {
      capture: true,
      env: { NX_DAEMON: 'false', NX_TUI: 'false' },
    }).then(({ exitCode, output }) => {
      if (exitCode !== 0) throw new Error(`nx run ${app}:build failed:\n${output}`);
    });
    builds.set(app, built);
  }
  return built;
}

/**
 * An app as built for production (`dist/apps/<app>/main.js` on plain Node, `NODE_ENV=production`,
 * `LOG_LEVEL=warn`, the runtime image's memory settings) in a process of its own; `env` adds or
 * overrides variables.
 */
export async function startBuiltService(
  app: string,
  env: NodeJS.ProcessEnv,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  await build(app);
  return startServiceProcess(
    join(repoRoot, 'dist/apps', app, 'main.js'),
    undefined,
    { NODE_ENV: 'production', LOG_LEVEL: 'warn', ...IMAGE_RUNTIME_ENVIRONMENT, ...env },
    options,
  );
}
