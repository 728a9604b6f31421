import { infraSettings } from '../../infra/settings';
import { AUTH_ISSUER, type AuthServiceProcess, type AuthServiceRun } from '../auth-service-process';
import { infrastructureEnvironment, startBuiltService } from '../built-service';
import type { ServiceProcess } from '../service-process';

export interface BlogServiceRun {
  databaseUrl: string;
  /** The auth run's: blog consumes the auth.users topic under that prefix. */
  auth: AuthServiceRun;
}

/**
 * blog-service as built for production, on the run's database, verifying the tokens of the run's
 * auth-service over its JWKS and repairing its author projection over its gRPC directory; `env`
 * adds or overrides variables.
 */
export function startBlogService(
  run: BlogServiceRun,
  auth: AuthServiceProcess,
  env: NodeJS.ProcessEnv = {},
): Promise<ServiceProcess> {
  const { s3Endpoint, s3Signing } = infraSettings();
  return startBuiltService('blog-service', {
    DATABASE_URL: run.databaseUrl,
    ...infrastructureEnvironment(run.auth.prefix),
    CACHE_PREFIX: `${run.auth.prefix}:blog`,
    JWKS_URL: `${auth.url}/.well-known/jwks.json`,
    JWT_ISSUER: AUTH_ISSUER,
    ACCESS_TOKEN_MEMO: 'on',
    AUTH_GRPC_URL: auth.grpcUrl,
    // Media only: the benchmark reads articles, so the bucket (made at start where missing) stays as it was.
    S3_ENDPOINT: s3Endpoint.origin,
    S3_REGION: s3Signing.region,
    S3_ACCESS_KEY_ID: s3Signing.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3Signing.secretAccessKey,
    ...env,
  });
}
