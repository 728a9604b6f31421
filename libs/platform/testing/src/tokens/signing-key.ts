import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export type TestSigningAlgorithm = 'EdDSA' | 'ES256';

/** A real key pair as auth-service holds one: the private half signs, the public half is published. */
export interface SigningKey {
  kid: string;
  algorithm: TestSigningAlgorithm;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export async function createSigningKey(
  algorithm: TestSigningAlgorithm,
  kid = `test-${randomUUID()}`,
): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(algorithm);
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: 'sig' };
  return { kid, algorithm, privateKey, publicKey, publicJwk };
}
