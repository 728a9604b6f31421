import { CachingApiKeyVerifier } from './api-keys/caching-api-key-verifier';
import { HttpApiKeyVerifier } from './api-keys/http-api-key-verifier';
import { Authenticator } from './authenticator';
import { AccessTokenVerifier } from './tokens/access-token-verifier';
import { JwksKeyStore } from './tokens/jwks-key-store';
import type { SigningAlgorithm } from './tokens/signing-algorithms';
import type { VerificationKeys } from './tokens/verification-keys';

export interface AuthOptions {
  /** `JWKS_URL`: auth-service's `/.well-known/jwks.json`. Required unless `keys` is given. */
  jwksUrl?: string;
  /** Keys read in-process instead of fetched: auth-service verifies its own tokens without calling itself. */
  keys?: VerificationKeys;
  /** `JWT_ISSUER`: the exact `iss` auth-service signs. */
  issuer: string;
  /** `JWT_AUDIENCE`: the `aud` a token must name to be accepted here. */
  audience: string;
  /** Defaults to every supported asymmetric algorithm: EdDSA (Ed25519) and ES256. */
  algorithms?: readonly SigningAlgorithm[];
  /** Defaults to 30 s. */
  clockSkewSeconds?: number;
  /** Minimum time between refetches caused by unknown key ids; defaults to 30 s. */
  keyRefetchCooldownMs?: number;
  /** How long fetched keys are trusted before a refetch; defaults to 10 min. */
  keyMaxAgeMs?: number;
  /** `ACCESS_TOKEN_MEMO`: remember verified tokens for up to a minute (the default), or verify every request. */
  rememberVerifiedTokens?: boolean;
  /** Accept personal API keys, verified by auth-service. Without it, API keys are rejected. */
  apiKeys?: {
    /** `AUTH_INTERNAL_URL`: auth-service's origin on the internal network. */
    authInternalUrl: string;
    /** How long an answer is reused; at most 60 s, defaults to 30 s. */
    cacheTtlMs?: number;
  };
}

/** Wires the verifiers from options; AuthModule uses it, and so can code outside Nest. */
export function createAuthenticator(options: AuthOptions): Authenticator {
  const keys = options.keys ?? jwksKeyStore(options);
  const accessTokens = new AccessTokenVerifier({
    keys,
    issuer: options.issuer,
    audience: options.audience,
    clockSkewSeconds: options.clockSkewSeconds,
    memoSize: options.rememberVerifiedTokens === false ? 0 : undefined,
    // A remembered token must not outlive the keys it was verified with.
    memoTtlMs: options.keyMaxAgeMs,
  });
  const apiKeys =
    options.apiKeys &&
    new CachingApiKeyVerifier(
      new HttpApiKeyVerifier(options.apiKeys.authInternalUrl),
      options.apiKeys.cacheTtlMs,
    );
  return new Authenticator(accessTokens, apiKeys);
}

function jwksKeyStore(options: AuthOptions): JwksKeyStore {
  if (!options.jwksUrl) throw new RangeError('AuthOptions needs either jwksUrl or keys');
  return new JwksKeyStore({
    jwksUrl: options.jwksUrl,
    algorithms: options.algorithms,
    refetchCooldownMs: options.keyRefetchCooldownMs,
    maxAgeMs: options.keyMaxAgeMs,
  });
}
