import type { JWK } from 'jose';

/** Asymmetric algorithms only: a verifier that holds no secret cannot be tricked into HMAC. */
export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

const keyShapes: Record<SigningAlgorithm, { kty: string; crv: string }> = {
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
  ES256: { kty: 'EC', crv: 'P-256' },
};

/**
 * The one algorithm a published key may verify. The key's own type and curve decide, never the
 * token's header, which is what defeats algorithm confusion.
 */
export function algorithmForKey(
  jwk: JWK,
  allowed: readonly SigningAlgorithm[],
): SigningAlgorithm | undefined {
  if (jwk.use !== undefined && jwk.use !== 'sig') return undefined;
  return allowed.find(
    (algorithm) =>
      keyShapes[algorithm].kty === jwk.kty &&
      keyShapes[algorithm].crv === jwk.crv &&
      (jwk.alg === undefined || jwk.alg === algorithm),
  );
}

export function assertSigningAlgorithms(algorithms: readonly string[]): void {
  const unsupported = algorithms.filter(
    (algorithm) => !(SIGNING_ALGORITHMS as readonly string[]).includes(algorithm),
  );
  if (algorithms.length === 0 || unsupported.length > 0) {
    throw new RangeError(
      `algorithms must be a non-empty subset of ${SIGNING_ALGORITHMS.join(', ')}; got ${algorithms.join(', ') || 'none'}`,
    );
  }
}
