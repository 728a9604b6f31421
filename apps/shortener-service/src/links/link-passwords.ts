import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// Lighter than an account password's hash: it guards one link, and guesses are rate limited.
const OPTIONS = { type: argon2.argon2id, memoryCost: 8192, timeCost: 2, parallelism: 1 } as const;

/** Passwords that visitors of a protected link must give; only their argon2id hashes are kept. */
@Injectable()
export class LinkPasswords {
  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async matches(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }
}
