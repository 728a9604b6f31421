import { Injectable, type OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Raising them rehashes users as they log in.
const PARAMETERS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

/** argon2id password hashes, stored as PHC strings that carry their own parameters. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    // A real hash with today's parameters: checking it costs what checking a real account costs.
    this.dummyHash = await this.hash(randomBytes(32).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, PARAMETERS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  /** Burns the time of one verification, so a login for an unknown email is not answered faster. */
  async verifyNobody(password: string): Promise<false> {
    await argon2.verify(this.dummyHash, password);
    return false;
  }

  /** True when the hash was made with other parameters than today's. */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, PARAMETERS);
  }
}
