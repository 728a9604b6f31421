import { Module } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { AccessTokenSettings } from './access-token-settings';
import { PrismaSigningKeyRepository } from './infrastructure/prisma-signing-key-repository';
import { KeyEncryption } from './key-encryption';
import { SigningKeyRepository } from './signing-key-repository';
import { SigningKeyRing } from './signing-key-ring';
import { UnreadableKeyRetirement } from './unreadable-key-retirement';

/**
 * The key table and what reads it, without the start-up check: the rotation command imports this,
 * since it is how an operator repairs the keys that check refuses to start with.
 */
@Module({
  providers: [
    { provide: SigningKeyRepository, useClass: PrismaSigningKeyRepository },
    {
      provide: KeyEncryption,
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) =>
        new KeyEncryption(config.get('SIGNING_KEY_ENCRYPTION_KEY')),
    },
    {
      provide: AccessTokenSettings,
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>): AccessTokenSettings => ({
        issuer: config.get('JWT_ISSUER'),
        audience: config.get('JWT_AUDIENCE'),
        lifetimeSeconds: config.get('ACCESS_TOKEN_TTL_SECONDS'),
      }),
    },
    SigningKeyRing,
    UnreadableKeyRetirement,
  ],
  exports: [SigningKeyRing, UnreadableKeyRetirement, AccessTokenSettings],
})
export class SigningKeyRingModule {}
