import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadEnvironmentFile, PlatformConfigModule } from '@capstone/platform/config';
import { parseArgs } from 'node:util';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { AuditModule } from '../audit/audit.module';
import { environmentSchema } from '../config/environment';
import { DatabaseModule } from '../database/database.module';
import { SharedModule } from '../shared/shared.module';
import { SigningKeyRing } from './signing-key-ring';
import { SigningKeyRingModule } from './signing-key-ring.module';
import { UnreadableKeyRetirement } from './unreadable-key-retirement';

// Longer than any verifier keeps a JWKS (10 min in libs/platform/auth, 5 min in HTTP caches).
const DEFAULT_ACTIVATION_DELAY_SECONDS = 900;

/** What signing keys need: the database, the sealing key and the token settings; no HTTP, Kafka or queues. */
const rotationEnvironment = environmentSchema.pick({
  DATABASE_URL: true,
  SIGNING_KEY_ENCRYPTION_KEY: true,
  JWT_ISSUER: true,
  JWT_AUDIENCE: true,
  ACCESS_TOKEN_TTL_SECONDS: true,
});

@Module({
  imports: [
    PlatformConfigModule.forRoot(rotationEnvironment),
    DatabaseModule,
    SharedModule,
    AuditModule,
    SigningKeyRingModule,
  ],
})
class SigningKeyRotationModule {}

/**
 * npm run auth:rotate-keys [-- --activate-in <seconds>]
 * Publishes a new key now and lets it sign only after the delay; the old key stays published
 * until the last token it signed has expired.
 *
 * npm run auth:rotate-keys -- --retire-unreadable
 * The remedy auth-service names when it refuses to start: if keys that sign now or later were
 * sealed under another SIGNING_KEY_ENCRYPTION_KEY, retires them and signs with a new key at once.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'activate-in': { type: 'string' },
      'retire-unreadable': { type: 'boolean', default: false },
    },
  });
  const retireUnreadable = values['retire-unreadable'];
  const delaySeconds = Number(values['activate-in'] ?? DEFAULT_ACTIVATION_DELAY_SECONDS);
  if (
    !Number.isInteger(delaySeconds) ||
    delaySeconds < 0 ||
    (retireUnreadable && values['activate-in'])
  ) {
    throw new Error(
      'usage: npm run auth:rotate-keys -- --activate-in <whole seconds> | --retire-unreadable',
    );
  }
  loadEnvironmentFile();
  const context = await NestFactory.createApplicationContext(SigningKeyRotationModule, {
    logger: ['error', 'warn'],
  });
  try {
    if (retireUnreadable) {
      const repaired = await context.get(UnreadableKeyRetirement).retire();
      if (!repaired) {
        console.log(
          'every signing key opens under this SIGNING_KEY_ENCRYPTION_KEY; nothing retired',
        );
        return;
      }
      console.log(`retired ${repaired.retired.join(', ')}, which this key cannot open`);
      console.log(`published ${repaired.key.kid}; it signs from now on`);
      return;
    }
    const key = await context.get(SigningKeyRing).rotate(delaySeconds);
    await context.get(AuditLog).record({
      type: AuditEventType.SigningKeyRotated,
      details: { kid: key.kid, activatesAt: key.activatedAt.toISOString() },
    });
    console.log(`published ${key.kid}; it signs from ${key.activatedAt.toISOString()}`);
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
