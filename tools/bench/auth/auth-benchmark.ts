import { authServiceRun, startAuthService } from '../auth-service-process';
import { createBenchDatabase } from '../bench-database';
import { ensureInfrastructure } from '../built-service';
import { measureLoad, type LoadResult, type LoadSettings } from '../http-load';
import { machine, type Machine } from '../measured-on';
import { percentile } from '../percentile';
import { DOCUMENT_PATH } from '../platform/small-document';
import { logIn, registerAccount, type Account } from './accounts';

export interface AuthBenchmarkOptions extends LoadSettings {
  /** Logins timed one after another. */
  logins: number;
}

export interface AuthBenchmarkReport {
  measuredAt: string;
  options: AuthBenchmarkOptions;
  machine: Machine;
  login: { samples: number; p50Ms: number; p99Ms: number };
  unauthenticated: LoadResult & { path: string };
  protected: LoadResult & { path: string };
  /** protected.requestsPerSecond / unauthenticated.requestsPerSecond, both from this run. */
  ratio: number;
  target: number;
}

export const RATIO_TARGET = 0.8;
// Two in-memory answers of similar size, one public and one behind the token guard, so the ratio
// measures what verifying an access token costs and nothing else.
export const UNAUTHENTICATED_PATH = DOCUMENT_PATH;
export const PROTECTED_PATH = '/api/auth/v1/principal';
// auth-service allows an account 10 logins per 15 minutes; staying under it keeps every login real.
const LOGINS_PER_ACCOUNT = 5;

/** Boots auth-service on a fresh database and measures what issue 4 asks of it. */
export async function runAuthBenchmark(
  options: AuthBenchmarkOptions,
): Promise<AuthBenchmarkReport> {
  const releaseInfrastructure = await ensureInfrastructure();
  try {
    const database = await createBenchDatabase('auth');
    const service = await startAuthService(authServiceRun(database.url));
    try {
      const accounts: Account[] = [];
      for (let index = 0; index < Math.ceil(options.logins / LOGINS_PER_ACCOUNT); index += 1)
        accounts.push(await registerAccount(service.url));
      const latenciesMs: number[] = [];
      let accessToken = '';
      for (let index = 0; index < options.logins; index += 1) {
        const login = await logIn(service.url, accounts[index % accounts.length]);
        latenciesMs.push(login.latencyMs);
        accessToken = login.accessToken;
      }

      const unauthenticated = await measureLoad(
        { url: service.url + UNAUTHENTICATED_PATH },
        options,
      );
      const guarded = await measureLoad(
        { url: service.url + PROTECTED_PATH, headers: { Authorization: `Bearer ${accessToken}` } },
        options,
      );

      return {
        measuredAt: new Date().toISOString(),
        options,
        machine: machine(),
        login: {
          samples: latenciesMs.length,
          p50Ms: percentile(latenciesMs, 0.5),
          p99Ms: percentile(latenciesMs, 0.99),
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
  } finally {
    await releaseInfrastructure();
  }
}
