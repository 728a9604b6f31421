import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';

/**
 * Seals private signing keys at rest with AES-256-GCM under SIGNING_KEY_ENCRYPTION_KEY. The key id
 * is bound in as associated data, so a sealed key copied onto another row fails to open.
 */
export class KeyEncryption {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, 'base64');
    if (this.key.length !== 32) throw new RangeError('the key-encryption key must be 32 bytes');
  }

  /** `iv.tag.ciphertext`, each base64url. */
  seal(plaintext: string, kid: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key, iv).setAAD(Buffer.from(kid));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), ciphertext]
      .map((part) => part.toString('base64url'))
      .join('.');
  }

  open(sealed: string, kid: string): string {
    const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv(ALGORITHM, this.key, iv).setAAD(Buffer.from(kid));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  /** Whether `sealed` was sealed under this key for `kid`: the authentication tag decides. */
  canOpen(sealed: string, kid: string): boolean {
    try {
      this.open(sealed, kid);
      return true;
    } catch {
      return false;
    }
  }
}
