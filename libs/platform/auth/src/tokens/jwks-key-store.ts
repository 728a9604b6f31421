import { Logger } from '@nestjs/common';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';
import { AuthError, AuthErrorCode } from '../auth-error';
import { jwksFetches } from '../metrics';
import {
  algorithmForKey,
  assertSigningAlgorithms,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
} from './signing-algorithms';
import type { VerificationKeys } from './verification-keys';

export interface JwksKeyStoreOptions {
  /** auth-service's `/.well-known/jwks.json`. */
  jwksUrl: string;
  algorithms?: readonly SigningAlgorithm[];
  /** However many unknown key ids arrive, they cause at most one refetch per interval. */
  refetchCooldownMs?: number;
  /** Keys older than this are refetched before use, so a key removed from the JWKS stops verifying. */
  maxAgeMs?: number;
  fetchTimeoutMs?: number;
}

interface VerificationKey {
  algorithm: SigningAlgorithm;
  key: CryptoKey;
}

const jwksDocument = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })),
});

/**
 * auth-service's public signing keys, fetched on first use and kept in memory. A token signed by a
 * key rotated in since the last fetch triggers a refetch; an attacker inventing key ids cannot
 * make this service hammer auth-service, because such refetches are rate-limited and shared.
 */
export class JwksKeyStore implements VerificationKeys {
  readonly algorithms: readonly SigningAlgorithm[];
  private readonly logger = new Logger(JwksKeyStore.name);
  private readonly refetchCooldownMs: number;
  private readonly maxAgeMs: number;
  private readonly fetchTimeoutMs: number;
  private keys = new Map<string, VerificationKey>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private unknownKidRefetchAt = Number.NEGATIVE_INFINITY;
  private inFlight?: Promise<void>;

  constructor(private readonly options: JwksKeyStoreOptions) {
    this.algorithms = options.algorithms ?? SIGNING_ALGORITHMS;
    assertSigningAlgorithms(this.algorithms);
    this.refetchCooldownMs = options.refetchCooldownMs ?? 30_000;
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 5_000;
  }

  /** The key that must have signed a token with this `kid` and `alg`; throws AuthError otherwise. */
  async keyFor(kid: string, algorithm: string): Promise<CryptoKey> {
    if (this.isDueForRefresh()) await this.refresh();
    if (!this.hasLoaded()) {
      throw new AuthError(
        AuthErrorCode.AuthUnavailable,
        'signing keys could not be fetched from auth-service',
      );
    }
    if (!this.keys.has(kid)) await this.refetchForUnknownKid();
    const entry = this.keys.get(kid);
    if (!entry) {
      throw new AuthError(AuthErrorCode.TokenUnknownKey, 'token is signed by an unknown key');
    }
    if (entry.algorithm !== algorithm) {
      throw new AuthError(
        AuthErrorCode.TokenUnsupportedAlgorithm,
        `token algorithm ${algorithm} does not fit its key`,
      );
    }
    return entry.key;
  }

  private hasLoaded(): boolean {
    return this.loadedAt > Number.NEGATIVE_INFINITY;
  }

  private isDueForRefresh(): boolean {
    const now = Date.now();
    // After a failed fetch, wait out the cooldown instead of retrying on every request.
    return now - this.loadedAt >= this.maxAgeMs && now - this.failedAt >= this.refetchCooldownMs;
  }

  private refetchForUnknownKid(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (Date.now() - this.unknownKidRefetchAt < this.refetchCooldownMs) return Promise.resolve();
    this.unknownKidRefetchAt = Date.now();
    return this.refresh();
  }

  /** Single flight: every caller waiting for keys shares the one fetch under way. */
  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchKeys().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    try {
      const response = await fetch(this.options.jwksUrl, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.fetchTimeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`HTTP ${response.status}`);
      }
      const { keys } = jwksDocument.parse(await response.json());
      this.keys = await this.importKeys(keys);
      this.loadedAt = Date.now();
      jwksFetches.inc({ result: 'success' });
    } catch (error) {
      // Keys already held stay in use: an auth-service outage must not log every user out.
      this.failedAt = Date.now();
      jwksFetches.inc({ result: 'failure' });
      this.logger.warn(
        `JWKS fetch from ${this.options.jwksUrl} failed: ${(error as Error).message}`,
      );
    }
  }

  private async importKeys(jwks: JWK[]): Promise<Map<string, VerificationKey>> {
    const usable = new Map<string, VerificationKey>();
    for (const jwk of jwks) {
      const algorithm = algorithmForKey(jwk, this.algorithms);
      // Keys without an id, or for algorithms outside the allow-list, can never verify a token.
      if (jwk.kid === undefined || algorithm === undefined) continue;
      usable.set(jwk.kid, { algorithm, key: (await importJWK(jwk, algorithm)) as CryptoKey });
    }
    return usable;
  }
}
