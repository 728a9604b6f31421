import type { Principal } from '../principal';

/**
 * Port: resolves a personal API key to its owner. `null` means the key is unknown, expired or
 * revoked; a verifier that cannot tell (its authority is down) throws instead.
 */
export abstract class ApiKeyVerifier {
  abstract verify(key: string): Promise<Principal | null>;
}
