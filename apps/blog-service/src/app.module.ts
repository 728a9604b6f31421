import { Module } from '@nestjs/common';
import { MEDIA_QUEUE } from '@capstone/contracts';
import { AuthModule } from '@capstone/platform/auth';
import { CacheModule } from '@capstone/platform/cache';
import { AppConfig, PlatformConfigModule } from '@capstone/platform/config';
import { EventsModule, KafkaHealthCheck } from '@capstone/platform/events';
import { ObservabilityModule, postgresCheck, tolerated } from '@capstone/platform/observability';
import { QueuesModule } from '@capstone/platform/queues';
import { ObjectStorage, s3Check, StorageModule } from '@capstone/platform/storage';
import { AuthorsModule } from './authors/authors.module';
import { BlogModule } from './blog.module';
import { environmentSchema, type Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { BlogGraphqlModule } from './graphql/blog-graphql.module';
import { PrismaService } from './database/prisma.service';
import { MediaModule } from './media/media.module';
import { NativeApiModule } from './native-api/native-api.module';
import { SharedModule } from './shared/shared.module';

@Module({
  imports: [
    PlatformConfigModule.forRoot(environmentSchema),
    // Ahead of EventsModule and QueuesModule: global modules shut down in reverse order, so the database closes last.
    DatabaseModule,
    SharedModule,
    AuthModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        jwksUrl: config.get('JWKS_URL'),
        issuer: config.get('JWT_ISSUER'),
        audience: config.get('JWT_AUDIENCE'),
        rememberVerifiedTokens: config.get('ACCESS_TOKEN_MEMO') === 'on',
      }),
    }),
    EventsModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        service: 'blog-service',
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
    QueuesModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        connection: { url: config.get('REDIS_URL') },
        prefix: config.get('QUEUE_PREFIX'),
        queues: [MEDIA_QUEUE],
        concurrency: { [MEDIA_QUEUE]: config.get('MEDIA_CONCURRENCY') },
      }),
    }),
    StorageModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>) => ({
        endpoint: config.get('S3_ENDPOINT'),
        publicEndpoint: config.get('S3_PUBLIC_ENDPOINT'),
        region: config.get('S3_REGION'),
        accessKeyId: config.get('S3_ACCESS_KEY_ID'),
        secretAccessKey: config.get('S3_SECRET_ACCESS_KEY'),
        bucket: config.get('S3_BUCKET'),
      }),
    }),
    ObservabilityModule.forRoot({
      serviceName: 'blog-service',
      // Reads and writes need only Postgres: the cache falls back to it, events wait in the outbox.
      // Only media uploads need object storage; everything else is served without it.
      readiness: {
        inject: [PrismaService, KafkaHealthCheck, ObjectStorage],
        useFactory: (prisma: PrismaService, kafka: KafkaHealthCheck, storage: ObjectStorage) => [
          postgresCheck(() => prisma.$queryRaw`SELECT 1`),
          tolerated(kafka),
          tolerated(s3Check(storage)),
        ],
      },
    }),
    AuthorsModule,
    BlogModule,
    BlogGraphqlModule,
    NativeApiModule,
    MediaModule,
  ],
})
export class AppModule {}
