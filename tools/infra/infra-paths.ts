import { homedir } from 'node:os';
import { join } from 'node:path';
import { dataDir, repoRoot } from '../workspace/paths';
import type { Component } from './component';

/** Everything `infra` writes inside the repository lives under .data/, which git ignores. */
export const infraPaths = {
  envFile: join(repoRoot, '.env'),
  prismaDir: join(repoRoot, 'prisma'),
  registryFile: join(dataDir, 'infra', 'processes.json'),
  lockFile: join(dataDir, 'infra', 'lock'),
  postgresData: join(dataDir, 'postgres'),
  redisData: join(dataDir, 'redis'),
  kafka: {
    serverProperties: join(dataDir, 'kafka', 'server.properties'),
    log4jProperties: join(dataDir, 'kafka', 'log4j.properties'),
    clusterIdFile: join(dataDir, 'kafka', 'cluster-id'),
    logDir: join(dataDir, 'kafka', 'data'),
  },
};

export function logFileOf(name: Component | 'kafka-download'): string {
  return join(dataDir, 'logs', `${name}.log`);
}

/** Downloads are shared by every checkout on the machine, so they live in the user's cache, not the repository. */
export function downloadCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'capstone');
}
