import { randomBytes, timingSafeEqual } from 'node:crypto';
import { digestOf } from '../shared/opaque-token';

const FORMAT = /^cap_([0-9a-f]{16})_([0-9a-f]{64})$/;

/**
 * The string a client presents: `cap_<prefix>_<secret>`. The prefix (64 random bits) finds the
 * key by index and may be shown in listings; the secret (256 random bits) proves possession and is
 * only ever stored as a hash. Hex keeps the key one double-click-selectable word.
 */
export class ApiKeyCredential {
  private constructor(
    readonly prefix: string,
    private readonly secret: string,
  ) {}

  static generate(): ApiKeyCredential {
    return new ApiKeyCredential(randomBytes(8).toString('hex'), randomBytes(32).toString('hex'));
  }

  /** Null for anything that is not a well-formed key, so callers answer it like an unknown key. */
  static parse(presented: string): ApiKeyCredential | null {
    const match = FORMAT.exec(presented);
    return match ? new ApiKeyCredential(match[1], match[2]) : null;
  }

  /**
   * SHA-256, not argon2: a slow hash protects guessable passwords, but 256 random bits cannot be
   * guessed at any speed, and verification sits on every uncached API-key request.
   */
  get secretHash(): string {
    return digestOf(this.secret);
  }

  /** The full key, to be shown once at creation and never again. */
  reveal(): string {
    return `cap_${this.prefix}_${this.secret}`;
  }

  matches(storedHash: string): boolean {
    const stored = Buffer.from(storedHash, 'hex');
    const presented = Buffer.from(this.secretHash, 'hex');
    return stored.length === presented.length && timingSafeEqual(stored, presented);
  }
}
