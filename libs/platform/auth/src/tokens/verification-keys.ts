import type { CryptoKey } from 'jose';
import type { SigningAlgorithm } from './signing-algorithms';

/**
 * Where AccessTokenVerifier finds the key a token claims: auth-service's JWKS over HTTP
 * (`JwksKeyStore`), or, inside auth-service itself, its own signing-key table.
 */
export interface VerificationKeys {
  readonly algorithms: readonly SigningAlgorithm[];
  /** The key that must have signed a token with this `kid` and `alg`; throws AuthError otherwise. */
  keyFor(kid: string, algorithm: string): Promise<CryptoKey>;
}
