import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../workspace/paths';
import type { Component } from './component';

export const envFile = join(repoRoot, '.env');
export const workspacePrismaDir = join(repoRoot, 'prisma');

/** Where infra keeps what it runs: its registry and lock, each server's log and a local server's data. */
export interface InfraPaths {
  registryFile: string;
  lockFile: string;
  postgresData: string;
  redisData: string;
  kafka: {
    serverProperties: string;
    log4jProperties: string;
    clusterIdFile: string;
    logDir: string;
  };
  s3: {
    /** S3Mock's working directory, where a JVM would write a crash report. */
    workDir: string;
    /** Its buckets and objects, kept across restarts like Kafka's topics. */
    storeRoot: string;
  };
  logFile(name: Component | `${Component}-download`): string;
}

/** Everything under one data dir: .data/ in the repository (git ignores it), or a test's scratch folder. */
export function infraPaths(dataDir: string): InfraPaths {
  return {
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
    s3: {
      workDir: join(dataDir, 's3'),
      storeRoot: join(dataDir, 's3', 'store'),
    },
    logFile: (name) => join(dataDir, 'logs', `${name}.log`),
  };
}

/** Downloads are shared by every checkout on the machine, so they live in the user's cache, not the repository. */
export function downloadCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'capstone');
}
