import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode, type VerificationKeys } from '@capstone/platform/auth';
import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';
import { Clock, secondsAfter } from '../shared/clock';
import { AccessTokenSettings } from './access-token-settings';
import { KeyEncryption } from './key-encryption';
import {
  isPublishedAt,
  SIGNING_ALGORITHM,
  signingKeyAt,
  type StoredSigningKey,
} from './signing-key';
import { SigningKeyRepository } from './signing-key-repository';

interface LoadedKey {
  stored: StoredSigningKey;
  publicKey: CryptoKey;
}

export interface Signer {
  kid: string;
  privateKey: CryptoKey;
}

// Replicas see a rotation within this time; rotations activate a key only after it has passed.
const RELOAD_AFTER_MS = 30_000;
// An unknown kid reloads the keys at most this often, so invented kids cannot flood the database.
const UNKNOWN_KID_RELOAD_MS = 5_000;
// Clock skew verifiers tolerate (the platform's default): a retired key outlives its tokens by it.
const CLOCK_SKEW_MS = 30_000;

/**
 * auth-service's signing keys: the one that signs now, the ones the JWKS publishes, and, as the
 * platform verifier's key source, the public keys auth-service checks its own tokens against.
 */
@Injectable()
export class SigningKeyRing implements VerificationKeys {
  readonly algorithms = [SIGNING_ALGORITHM] as const;
  private loaded?: { at: number; keys: LoadedKey[] };
  private unknownKidReloadAt = Number.NEGATIVE_INFINITY;
  private readonly signers = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly repository: SigningKeyRepository,
    private readonly encryption: KeyEncryption,
    private readonly settings: AccessTokenSettings,
    private readonly clock: Clock,
  ) {}

  /** The first replica to start creates the first key; the others find it. True if this one did. */
  async createFirstKey(): Promise<boolean> {
    return this.repository.add(await this.newKey(this.clock.now()), { onlyIfNone: true });
  }

  /**
   * Keys that sign now or will, but whose private half this environment's key-encryption key
   * cannot open: sealed by a deployment with another SIGNING_KEY_ENCRYPTION_KEY.
   */
  async unreadableKeys(): Promise<StoredSigningKey[]> {
    const now = this.clock.now();
    const keys = await this.repository.listCurrent(now);
    return keys.filter(
      ({ kid, sealedPrivateKey }) => !this.encryption.canOpen(sealedPrivateKey, kid),
    );
  }

  /**
   * Adds a key that starts signing after `activateAfterSeconds`. Until then it is only published,
   * so verifiers holding a cached JWKS have fetched it before they meet a token it signed.
   */
  async rotate(activateAfterSeconds: number): Promise<StoredSigningKey> {
    const key = await this.newKey(secondsAfter(this.clock.now(), activateAfterSeconds));
    await this.repository.add(key, { onlyIfNone: false });
    this.loaded = undefined;
    return key;
  }

  async signer(): Promise<Signer> {
    const stored = (await this.keys()).map((key) => key.stored);
    const current = signingKeyAt(stored, this.clock.now());
    if (!current) throw new Error('no signing key is active; has the first one been created?');
    const { kid, sealedPrivateKey } = current;
    // Decrypted once per key and process: the plaintext never leaves memory.
    let privateKey = this.signers.get(kid);
    if (!privateKey) {
      privateKey = importPKCS8(this.encryption.open(sealedPrivateKey, kid), SIGNING_ALGORITHM);
      this.signers.set(kid, privateKey);
    }
    return { kid, privateKey: await privateKey };
  }

  async publishedKeys(): Promise<JWK[]> {
    return (await this.keys()).map(({ stored }) => stored.publicJwk);
  }

  async keyFor(kid: string, algorithm: string): Promise<CryptoKey> {
    let key = (await this.keys()).find(({ stored }) => stored.kid === kid);
    if (!key && Date.now() - this.unknownKidReloadAt >= UNKNOWN_KID_RELOAD_MS) {
      this.unknownKidReloadAt = Date.now();
      this.loaded = undefined;
      key = (await this.keys()).find(({ stored }) => stored.kid === kid);
    }
    if (!key)
      throw new AuthError(AuthErrorCode.TokenUnknownKey, 'token is signed by an unknown key');
    // The key, never the token header, decides the algorithm: no `none`, no HS256 with a public key.
    if (algorithm !== key.stored.algorithm) {
      throw new AuthError(
        AuthErrorCode.TokenUnsupportedAlgorithm,
        'token algorithm is not accepted',
      );
    }
    return key.publicKey;
  }

  /** The published keys, reloaded every 30 s so replicas pick up a rotation. */
  private async keys(): Promise<LoadedKey[]> {
    const now = this.clock.now();
    if (!this.loaded || Date.now() - this.loaded.at >= RELOAD_AFTER_MS) {
      this.loaded = { at: Date.now(), keys: await this.load(now) };
    }
    return this.loaded.keys.filter(({ stored }) =>
      isPublishedAt(stored, now, this.publicationWindowMs),
    );
  }

  private async load(now: Date): Promise<LoadedKey[]> {
    const stored = await this.repository.listCurrent(
      new Date(now.getTime() - this.publicationWindowMs),
    );
    return Promise.all(
      stored.map(async (key) => ({
        stored: key,
        publicKey: (await importJWK(key.publicJwk, key.algorithm)) as CryptoKey,
      })),
    );
  }

  private get publicationWindowMs(): number {
    return this.settings.lifetimeSeconds * 1000 + CLOCK_SKEW_MS;
  }

  private async newKey(activatedAt: Date): Promise<StoredSigningKey> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
      extractable: true,
    });
    const jwk = await exportJWK(publicKey);
    // The thumbprint (RFC 7638) names the key by its content: stable, unique, nothing to coordinate.
    const kid = await calculateJwkThumbprint(jwk);
    return {
      kid,
      algorithm: SIGNING_ALGORITHM,
      publicJwk: { ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
      sealedPrivateKey: this.encryption.seal(await exportPKCS8(privateKey), kid),
      createdAt: this.clock.now(),
      activatedAt,
      retiredAt: null,
    };
  }
}
