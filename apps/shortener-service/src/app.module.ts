import { Module } from '@nestjs/common';
import { AuthModule } from '@capstone/platform/auth';
import { CacheModule } from '@capstone/platform/cache';
import { AppConfig, PlatformConfigModule } from '@capstone/platform/config';
import { EventsModule, KafkaHealthCheck } from '@capstone/platform/events';
import {
  ObservabilityModule,
  postgresCheck,
  redisCheck,
  tolerated,
} from '@capstone/platform/observability';
import type { Redis } from 'ioredis';
import { BulkModule } from './bulk/bulk.module';
import { environmentSchema, type Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { LinksModule } from './links/links.module';
import { ProtectionModule } from './protection/protection.module';
import { QrModule } from './qr/qr.module';
import { SHORTENER_REDIS } from './shared/redis.provider';
import { SharedModule } from './shared/shared.module';
import { StatsModule } from './stats/stats.module';

@Module({
  imports: [
    PlatformConfigModule.forRoot(environmentSchema),
    // Ahead of EventsModule: global modules shut down in reverse order, so the database closes last.
    DatabaseModule,
    SharedModule,
    AuthModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        jwksUrl: config.get('JWKS_URL'),
        issuer: config.get('JWT_ISSUER'),
        audience: config.get('JWT_AUDIENCE'),
        rememberVerifiedTokens: config.get('ACCESS_TOKEN_MEMO') === 'on',
        apiKeys: { authInternalUrl: config.get('AUTH_INTERNAL_URL') },
      }),
    }),
    EventsModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        service: 'shortener-service',
        brokers: config.get('KAFKA_BROKERS'),
        databaseUrl: config.get('DATABASE_URL'),
        partitions: config.get('KAFKA_PARTITIONS'),
        topicPrefix: config.get('KAFKA_TOPIC_PREFIX') || undefined,
      }),
    }),
    CacheModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        url: config.get('REDIS_URL'),
        keyPrefix: config.get('CACHE_PREFIX'),
      }),
    }),
    ObservabilityModule.forRoot({
      serviceName: 'shortener-service',
      // Redirects are answered from Redis, and capped links counted there: without it, no redirect.
      readiness: {
        inject: [PrismaService, SHORTENER_REDIS, KafkaHealthCheck],
        useFactory: (prisma: PrismaService, redis: Redis, kafka: KafkaHealthCheck) => [
          postgresCheck(() => prisma.$queryRaw`SELECT 1`),
          redisCheck(redis),
          tolerated(kafka),
        ],
      },
    }),
    ProtectionModule,
    LinksModule,
    StatsModule,
    QrModule,
    BulkModule,
  ],
})
export class AppModule {}
