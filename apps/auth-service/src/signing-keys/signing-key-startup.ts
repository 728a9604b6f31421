import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { SigningKeyRing } from './signing-key-ring';
import { UnreadableKeyRetirement } from './unreadable-key-retirement';

export const RETIRE_UNREADABLE_COMMAND = 'npm run auth:rotate-keys -- --retire-unreadable';

/** Why auth-service refuses to start: it would pass readiness and then fail every login. */
export class UnreadableSigningKeysError extends Error {
  constructor(kids: string[]) {
    super(
      `signing keys ${kids.join(', ')} cannot be opened: they were sealed under another ` +
        'SIGNING_KEY_ENCRYPTION_KEY, so no login or registration could be answered. Either restore ' +
        `the SIGNING_KEY_ENCRYPTION_KEY they were sealed with, or run \`${RETIRE_UNREADABLE_COMMAND}\` ` +
        'to retire them and sign with a new key (access tokens they signed stop verifying once they expire).',
    );
    this.name = new.target.name;
  }
}

/**
 * Makes sure, before the service takes traffic, that it can sign: creates the first key, and meets
 * keys sealed under another SIGNING_KEY_ENCRYPTION_KEY (a second clone on the same Postgres, or a
 * deleted `.data/` that held the generated development key).
 */
@Injectable()
export class SigningKeyStartup implements OnModuleInit {
  private readonly logger = new Logger(SigningKeyStartup.name);

  constructor(
    private readonly ring: SigningKeyRing,
    private readonly retirement: UnreadableKeyRetirement,
    private readonly config: AppConfig<Environment>,
  ) {}

  async onModuleInit(): Promise<void> {
    if (await this.ring.createFirstKey()) return;
    // Only development repairs itself: elsewhere a wrong key is an operator's mistake, and retiring
    // the keys other replicas sign with would log every user out. Tests are as strict as production.
    if (this.config.get('NODE_ENV') !== 'development') {
      const unreadable = (await this.ring.unreadableKeys()).map(({ kid }) => kid);
      if (unreadable.length > 0) throw new UnreadableSigningKeysError(unreadable);
      return;
    }
    const repaired = await this.retirement.retire();
    if (!repaired) return;
    this.logger.warn(
      `retired signing keys ${repaired.retired.join(', ')}, sealed under another SIGNING_KEY_ENCRYPTION_KEY; ` +
        `signing with the new key ${repaired.key.kid} (development only; production refuses to start)`,
    );
  }
}
