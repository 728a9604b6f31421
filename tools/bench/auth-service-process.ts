import { randomBytes } from 'node:crypto';
import { sparePort } from '../infra';
import { infrastructureEnvironment, startBuiltService } from './built-service';
import type { ServiceProcess } from './service-process';

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

/** The `iss` of the run's access tokens, which the services verifying them must expect. */
export const AUTH_ISSUER = 'http://127.0.0.1';

export interface AuthServiceProcess extends ServiceProcess {
  /** Its gRPC listener (UserDirectory), host:port. */
  grpcUrl: string;
}

/** auth-service as built for production, on the run's database; `env` adds or overrides variables. */
export async function startAuthService(
  run: AuthServiceRun,
  env: NodeJS.ProcessEnv = {},
): Promise<AuthServiceProcess> {
  // A spare loopback port, not the default 0.0.0.0:4001 a running `npm start` may hold.
  const grpcUrl = `127.0.0.1:${await sparePort()}`;
  const service = await startBuiltService('auth-service', {
    DATABASE_URL: run.databaseUrl,
    ...infrastructureEnvironment(run.prefix),
    RATE_LIMIT_PREFIX: `${run.prefix}:limits`,
    JWT_ISSUER: AUTH_ISSUER,
    SIGNING_KEY_ENCRYPTION_KEY: run.signingKeyEncryptionKey,
    PUBLIC_APP_URL: 'http://127.0.0.1',
    GRPC_URL: grpcUrl,
    ...env,
  });
  return { ...service, grpcUrl };
}
