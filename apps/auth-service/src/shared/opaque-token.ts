import { createHash, randomBytes } from 'node:crypto';

/**
 * A bearer secret sent to a client (refresh token, email link): 256 random bits, URL-safe.
 * Only its SHA-256 digest is stored, so a database leak yields nothing that can be replayed.
 */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

// A plain digest suffices: the input is high-entropy random, so there is nothing to brute-force.
export function digestOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
