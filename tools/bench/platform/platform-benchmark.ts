import { join } from 'node:path';
import { repoRoot } from '../../workspace/paths';
import { logIn, registerAccount } from '../auth/accounts';
import { PROTECTED_PATH } from '../auth/auth-benchmark';
import { authServiceRun, startAuthService } from '../auth-service-process';
import { createBenchDatabase } from '../bench-database';
import { ensureInfrastructure } from '../built-service';
import { measureLoad, type LoadResult, type LoadSettings } from '../http-load';
import { call } from '../loopback-http';
import { machine, measuredCommit, type Machine } from '../measured-on';
import { startServiceProcess, type ServiceProcess } from '../service-process';
import { describeOutboxShape } from './outbox-report';
import { measureOutboxThroughput, OUTBOX_SHAPES, type OutboxResult } from './outbox-throughput';
import { DOCUMENT_PATH, DOCUMENT_VARIABLE } from './small-document';

export interface PlatformBenchmarkOptions extends LoadSettings {
  /** Events each outbox measurement commits, over all its writers. */
  outboxEvents: number;
}

export interface TargetResult extends LoadResult {
  name: string;
  path: string;
}

export interface PlatformBenchmarkReport {
  measuredAt: string;
  options: PlatformBenchmarkOptions;
  machine: Machine;
  /** The commit measured: the figures describe the platform as it was there. */
  commit: string;
  bare: TargetResult;
  minimalFastify: TargetResult;
  fullPlatform: TargetResult;
  protectedWithMemo: TargetResult;
  protectedWithoutMemo: TargetResult;
  service: { readyAfterMs: number; residentBytes: number };
  /** Commit to Kafka acknowledgement through the transactional outbox, one entry per shape. */
  outbox: OutboxResult[];
  ratios: {
    /** fullPlatform / minimalFastify: what the platform adds to a Fastify route. */
    platformOverFramework: number;
    /** protected / open, the verified-token memo on. */
    protectedOverOpenWithMemo: number;
    /** protected / open, every request verifying its token's signature. */
    protectedOverOpenWithoutMemo: number;
  };
}

export const TARGETS = {
  platformOverFramework: 0.6,
  protectedOverOpen: 0.8,
  readyWithinMs: 3_000,
  residentBytes: 150 * 1024 * 1024,
  outboxEventsPerSecond: 5_000,
  outboxP99Ms: 100,
} as const;

const scripts = join(repoRoot, 'tools/bench/platform');
const tsconfig = join(repoRoot, 'tsconfig.scripts.json');

// Production's level, so every request writes its log line: the logging is part of the platform's cost.
const productionLogging = { LOG_LEVEL: 'info' };

export type Progress = (line: string) => void;

/**
 * One run, one machine state: a bare node:http server, a minimal Nest app on Fastify and auth-service
 * through the whole platform, each answering the same document, then a token-protected route with
 * and without the verified-token memo. Everything listens on 127.0.0.1 in processes of its own.
 * Then, with every server stopped, the outbox relay under each writer shape.
 */
export async function runPlatformBenchmark(
  options: PlatformBenchmarkOptions,
  progress: Progress = () => undefined,
): Promise<PlatformBenchmarkReport> {
  progress('infrastructure: ensuring Postgres, Redis and Kafka');
  const releaseInfrastructure = await ensureInfrastructure();
  try {
    const database = await createBenchDatabase('auth');
    const run = authServiceRun(database.url);
    const running: ServiceProcess[] = [];
    const measure = async (
      name: string,
      url: string,
      path: string,
      headers?: Record<string, string>,
    ) => {
      progress(
        `${name}: ${options.warmUpSeconds} s warm-up, ${options.durationSeconds} s measured`,
      );
      const result = await measureLoad({ url: url + path, headers }, options);
      progress(
        `${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
      );
      return { name, path, ...result };
    };
    try {
      progress('auth-service: starting (verified-token memo on)');
      const service = await startAuthService(run, {
        ...productionLogging,
        ACCESS_TOKEN_MEMO: 'on',
      });
      running.push(service);
      const residentBytes = await service.residentBytes();
      progress(
        `auth-service: ready after ${service.readyAfterMs.toFixed(0)} ms, ${(residentBytes / 2 ** 20).toFixed(0)} MB resident`,
      );
      const document = await call({ url: service.url + DOCUMENT_PATH });
      if (document.status !== 200) throw new Error(`${DOCUMENT_PATH} answered ${document.status}`);
      const { accessToken } = await logIn(service.url, await registerAccount(service.url));
      const bearer = { Authorization: `Bearer ${accessToken}` };

      const minimalTarget = (script: string) =>
        startServiceProcess(
          join(scripts, script),
          tsconfig,
          { [DOCUMENT_VARIABLE]: document.body },
          { readyPath: DOCUMENT_PATH },
        );
      const bareServer = await minimalTarget('bare-http-server.ts');
      running.push(bareServer);
      const minimalApp = await minimalTarget('minimal-fastify-app.ts');
      running.push(minimalApp);

      const bare = await measure('bare node:http', bareServer.url, DOCUMENT_PATH);
      const minimalFastify = await measure(
        'minimal Nest on Fastify',
        minimalApp.url,
        DOCUMENT_PATH,
      );
      const fullPlatform = await measure('auth-service, open route', service.url, DOCUMENT_PATH);
      const protectedWithMemo = await measure(
        'auth-service, protected route, memo on',
        service.url,
        PROTECTED_PATH,
        bearer,
      );
      await Promise.all(running.splice(0).map((process) => process.stop()));

      progress('auth-service: restarting with ACCESS_TOKEN_MEMO=off');
      const unmemoised = await startAuthService(run, {
        ...productionLogging,
        ACCESS_TOKEN_MEMO: 'off',
      });
      running.push(unmemoised);
      const protectedWithoutMemo = await measure(
        'auth-service, protected route, memo off',
        unmemoised.url,
        PROTECTED_PATH,
        bearer,
      );
      await Promise.all(running.splice(0).map((process) => process.stop()));

      const outbox: OutboxResult[] = [];
      for (const shape of OUTBOX_SHAPES) {
        const name = `outbox, ${describeOutboxShape({ ...shape, events: options.outboxEvents })}`;
        progress(`${name}: ${options.outboxEvents} events`);
        const result = await measureOutboxThroughput({ ...shape, events: options.outboxEvents });
        progress(
          `${name}: ${result.eventsPerSecond.toFixed(0)} events/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`,
        );
        outbox.push(result);
      }

      return {
        measuredAt: new Date().toISOString(),
        options,
        machine: machine(),
        commit: measuredCommit(),
        bare,
        minimalFastify,
        fullPlatform,
        protectedWithMemo,
        protectedWithoutMemo,
        service: { readyAfterMs: service.readyAfterMs, residentBytes },
        outbox,
        ratios: {
          platformOverFramework: fullPlatform.requestsPerSecond / minimalFastify.requestsPerSecond,
          protectedOverOpenWithMemo:
            protectedWithMemo.requestsPerSecond / fullPlatform.requestsPerSecond,
          protectedOverOpenWithoutMemo:
            protectedWithoutMemo.requestsPerSecond / fullPlatform.requestsPerSecond,
        },
      };
    } finally {
      await Promise.all(running.map((process) => process.stop()));
      await database.drop();
    }
  } finally {
    await releaseInfrastructure();
  }
}
