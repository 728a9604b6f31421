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
import { SigningKeysModule } from './signing-keys.module';

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
    SigningKeysModule,
  ],
})
class SigningKeyRotationModule {}

/**
 * npm run auth:rotate-keys [-- --activate-in <seconds>]
 * Publishes a new key now and lets it sign only after the delay; the old key stays published
 * until the last token it signed has expired.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'activate-in': { type: 'string' } } });
  const delaySeconds = Number(values['activate-in'] ?? DEFAULT_ACTIVATION_DELAY_SECONDS);
  if (!Number.isInteger(delaySeconds) || delaySeconds < 0) {
    throw new Error('usage: npm run auth:rotate-keys -- --activate-in <whole seconds>');
  }
  loadEnvironmentFile();
  const context = await NestFactory.createApplicationContext(SigningKeyRotationModule, {
    logger: ['error', 'warn'],
  });
  try {
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
