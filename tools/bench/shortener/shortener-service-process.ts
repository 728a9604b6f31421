import { AUTH_ISSUER, type AuthServiceProcess, type AuthServiceRun } from '../auth-service-process';
import { infrastructureEnvironment, startBuiltService } from '../built-service';
import type { ServiceProcess } from '../service-process';

export interface ShortenerServiceRun {
  databaseUrl: string;
  /** The auth run's: its prefix names the shortener's topics, queues and cache keys too. */
  auth: AuthServiceRun;
}

export interface ShortenerServiceSettings {
  /** Production's default is info, which writes the access line of every redirect. */
  logLevel: 'info' | 'warn';
  /** Where `--cpu-prof` writes the process's profile when it exits; no profile when absent. */
  cpuProfileDirectory?: string;
}

/**
 * shortener-service as built for production, on the run's database, verifying the tokens of the
 * run's auth-service over its JWKS and its API keys over its internal origin.
 */
export function startShortenerService(
  run: ShortenerServiceRun,
  auth: AuthServiceProcess,
  { logLevel, cpuProfileDirectory }: ShortenerServiceSettings,
): Promise<ServiceProcess> {
  return startBuiltService(
    'shortener-service',
    {
      DATABASE_URL: run.databaseUrl,
      ...infrastructureEnvironment(run.auth.prefix),
      CACHE_PREFIX: `${run.auth.prefix}:shortener`,
      JWKS_URL: `${auth.url}/.well-known/jwks.json`,
      JWT_ISSUER: AUTH_ISSUER,
      ACCESS_TOKEN_MEMO: 'on',
      AUTH_INTERNAL_URL: auth.url,
      LOG_LEVEL: logLevel,
    },
    {
      nodeArguments: cpuProfileDirectory
        ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDirectory}`]
        : [],
    },
  );
}
