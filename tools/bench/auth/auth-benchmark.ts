import { randomBytes, randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { infraUp } from '../../infra';
import { formatAddress } from '../../infra/network';
import { infraSettings } from '../../infra/settings';
import { repoRoot } from '../../workspace/paths';
import { createBenchDatabase } from '../bench-database';
import { call, measureThroughput, percentile, type Throughput } from '../load-generator';
import { startServiceProcess } from '../service-process';

export interface AuthBenchmarkOptions {
  /** Logins timed one after another. */
  logins: number;
  /** Requests per throughput measurement. */
  requests: number;
  concurrency: number;
  /** Upper bound on each throughput measurement, whatever `requests` says. */
  maxSeconds: number;
}

export interface AuthBenchmarkReport {
  measuredAt: string;
  options: AuthBenchmarkOptions;
  machine: { node: string; cpus: number };
  login: { samples: number; p50Ms: number; p99Ms: number };
  unauthenticated: Throughput & { path: string };
  protected: Throughput & { path: string };
  /** protected.requestsPerSecond / unauthenticated.requestsPerSecond, both from this run. */
  ratio: number;
  target: number;
}

export const RATIO_TARGET = 0.8;
// Two in-memory answers of similar size, one public and one behind the token guard, so the ratio
// measures what verifying an access token costs and nothing else.
const UNAUTHENTICATED_PATH = '/.well-known/openid-configuration';
const PROTECTED_PATH = '/api/auth/v1/principal';
// auth-service allows an account 10 logins per 15 minutes; staying under it keeps every login real.
const LOGINS_PER_ACCOUNT = 5;

/** Boots auth-service on a fresh database and measures what issue 4 asks of it. */
export async function runAuthBenchmark(
  options: AuthBenchmarkOptions,
): Promise<AuthBenchmarkReport> {
  const { statuses } = await infraUp({ log: () => undefined });
  const down = statuses.filter((status) => !status.healthy).map((status) => status.component);
  if (down.length > 0) throw new Error(`infrastructure is not healthy: ${down.join(', ')}`);
  const infra = infraSettings();
  const database = await createBenchDatabase('auth');
  const run = `bench-${randomBytes(4).toString('hex')}`;
  const service = await startServiceProcess(
    join(repoRoot, 'apps/auth-service/src/main.ts'),
    join(repoRoot, 'tsconfig.scripts.json'),
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: infra.redisUrl.toString(),
      KAFKA_BROKERS: infra.kafkaBrokers.map(formatAddress).join(','),
      // Names of its own: a run never shares topics, queues or rate-limit counters with another.
      KAFKA_TOPIC_PREFIX: run,
      QUEUE_PREFIX: run,
      RATE_LIMIT_PREFIX: `${run}:limits`,
      JWT_ISSUER: 'http://127.0.0.1',
      SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_APP_URL: 'http://127.0.0.1',
    },
  );
  try {
    const accounts = await registerAccounts(
      service.url,
      Math.ceil(options.logins / LOGINS_PER_ACCOUNT),
    );
    const logins = await timeLogins(service.url, accounts, options.logins);
    const bearer = { Authorization: `Bearer ${logins.lastAccessToken}` };
    const load = {
      requests: options.requests,
      concurrency: options.concurrency,
      maxSeconds: options.maxSeconds,
    };

    const anonymousCall = { url: service.url + UNAUTHENTICATED_PATH };
    const protectedCall = { url: service.url + PROTECTED_PATH, headers: bearer };
    const warmUp = { ...load, requests: options.concurrency * 5 };

    // Warm both paths (JIT, connection pools, key caches) before either is measured.
    await measureThroughput(anonymousCall, warmUp);
    await measureThroughput(protectedCall, warmUp);
    const unauthenticated = await measureThroughput(anonymousCall, load);
    const guarded = await measureThroughput(protectedCall, load);

    return {
      measuredAt: new Date().toISOString(),
      options,
      machine: { node: process.version, cpus: availableParallelism() },
      login: {
        samples: logins.latenciesMs.length,
        p50Ms: percentile(logins.latenciesMs, 0.5),
        p99Ms: percentile(logins.latenciesMs, 0.99),
      },
      unauthenticated: { path: UNAUTHENTICATED_PATH, ...unauthenticated },
      protected: { path: PROTECTED_PATH, ...guarded },
      ratio: guarded.requestsPerSecond / unauthenticated.requestsPerSecond,
      target: RATIO_TARGET,
    };
  } finally {
    await service.stop();
    await database.drop();
  }
}

interface Account {
  email: string;
  password: string;
}

// Each request from its own address: the benchmark measures logins, not the per-IP rate limit.
const fromNewAddress = () => ({
  'X-Forwarded-For': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
});

async function registerAccounts(url: string, count: number): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = randomBytes(5).toString('hex');
    const account = {
      email: `bench-${id}@example.com`,
      username: `bench_${id}`,
      password: `bench passphrase ${id}`,
    };
    const { status } = await call({
      url: `${url}/api/auth/v1/accounts`,
      method: 'POST',
      headers: fromNewAddress(),
      body: account,
    });
    if (status !== 202) throw new Error(`registering a benchmark account answered ${status}`);
    accounts.push(account);
  }
  return accounts;
}

async function timeLogins(url: string, accounts: Account[], count: number) {
  const latenciesMs: number[] = [];
  let lastAccessToken = '';
  for (let index = 0; index < count; index += 1) {
    const { email, password } = accounts[index % accounts.length];
    const answer = await call({
      url: `${url}/api/auth/v1/sessions`,
      method: 'POST',
      headers: fromNewAddress(),
      body: { email, password },
    });
    if (answer.status !== 201)
      throw new Error(`a benchmark login answered ${answer.status}: ${answer.body}`);
    latenciesMs.push(answer.latencyMs);
    lastAccessToken = JSON.parse(answer.body).accessToken;
  }
  return { latenciesMs, lastAccessToken };
}
