import type { JWK } from 'jose';

/** The one algorithm auth-service signs with: Ed25519 keys are small, fast and misuse-resistant. */
export const SIGNING_ALGORITHM = 'EdDSA';

/** A signing key as stored: the public half in the clear, the private half sealed. */
export interface StoredSigningKey {
  kid: string;
  algorithm: string;
  publicJwk: JWK;
  sealedPrivateKey: string;
  createdAt: Date;
  /** It signs from this moment, until a newer key takes over. */
  activatedAt: Date;
  /** It stopped (or will stop) signing at this moment. */
  retiredAt: Date | null;
}

/**
 * The key that signs now: the newest one already activated. A rotated-in key is published before
 * its activation, so every verifier knows it before the first token it signs arrives.
 */
export function signingKeyAt(keys: StoredSigningKey[], at: Date): StoredSigningKey | undefined {
  return keys
    .filter((key) => key.activatedAt <= at && (key.retiredAt === null || key.retiredAt > at))
    .sort((a, b) => b.activatedAt.getTime() - a.activatedAt.getTime())[0];
}

/** Published while it signs, before that, and after it retires until its last token has expired. */
export function isPublishedAt(key: StoredSigningKey, at: Date, tokenLifetimeMs: number): boolean {
  return key.retiredAt === null || key.retiredAt.getTime() + tokenLifetimeMs > at.getTime();
}
