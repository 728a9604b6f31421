import { Module } from '@nestjs/common';
import { MAIL_QUEUE } from '@capstone/contracts';
import { AuthModule } from '@capstone/platform/auth';
import { AppConfig, PlatformConfigModule } from '@capstone/platform/config';
import { EventsModule, KafkaHealthCheck } from '@capstone/platform/events';
import {
  ObservabilityModule,
  postgresCheck,
  redisCheck,
  tolerated,
} from '@capstone/platform/observability';
import { QueuesModule } from '@capstone/platform/queues';
import type { Redis } from 'ioredis';
import { AdminModule } from './admin/admin.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { environmentSchema, type Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { EmailVerificationModule } from './email-verification/email-verification.module';
import { PasswordChangeModule } from './password-change/password-change.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { ProfileModule } from './profile/profile.module';
import { ProtectionModule } from './protection/protection.module';
import { RATE_LIMIT_STORE } from './protection/rate-limit-store';
import { RealWorldModule } from './realworld/realworld.module';
import { RegistrationModule } from './registration/registration.module';
import { SessionsModule } from './sessions/sessions.module';
import { PrincipalModule } from './principal/principal.module';
import { SharedModule } from './shared/shared.module';
import { SigningKeyRing } from './signing-keys/signing-key-ring';
import { SigningKeysModule } from './signing-keys/signing-keys.module';
import { UserDirectoryModule } from './user-directory/user-directory.module';

@Module({
  imports: [
    PlatformConfigModule.forRoot(environmentSchema),
    DatabaseModule,
    SharedModule,
    AuditModule,
    ObservabilityModule.forRoot({
      serviceName: 'auth-service',
      readiness: {
        inject: [PrismaService, RATE_LIMIT_STORE, KafkaHealthCheck],
        useFactory: (prisma: PrismaService, rateLimits: Redis, kafka: KafkaHealthCheck) => [
          postgresCheck(() => prisma.$queryRaw`SELECT 1`),
          // Logins fail closed without the rate limiter's Redis: asked over that very connection.
          redisCheck(rateLimits),
          // Writes go on while Kafka is away: their events wait in the outbox.
          tolerated(kafka),
        ],
      },
    }),
    EventsModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        service: 'auth-service',
        brokers: config.get('KAFKA_BROKERS'),
        databaseUrl: config.get('DATABASE_URL'),
        partitions: config.get('KAFKA_PARTITIONS'),
        topicPrefix: config.get('KAFKA_TOPIC_PREFIX') || undefined,
      }),
    }),
    QueuesModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        connection: { url: config.get('REDIS_URL') },
        prefix: config.get('QUEUE_PREFIX'),
        queues: [MAIL_QUEUE],
      }),
    }),
    // auth-service verifies its own tokens against its key table, never over HTTP to itself.
    AuthModule.forRootAsync({
      imports: [SigningKeysModule],
      inject: [SigningKeyRing, AppConfig],
      useFactory: (keys: SigningKeyRing, config: AppConfig<Environment>) => ({
        keys,
        issuer: config.get('JWT_ISSUER'),
        audience: config.get('JWT_AUDIENCE'),
        rememberVerifiedTokens: config.get('ACCESS_TOKEN_MEMO') === 'on',
      }),
    }),
    ProtectionModule,
    SessionsModule,
    PrincipalModule,
    RegistrationModule,
    EmailVerificationModule,
    PasswordResetModule,
    PasswordChangeModule,
    ProfileModule,
    RealWorldModule,
    ApiKeysModule,
    AdminModule,
    UserDirectoryModule,
  ],
})
export class AppModule {}
