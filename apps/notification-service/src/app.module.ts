import { Module } from '@nestjs/common';
import { MAIL_QUEUE } from '@capstone/contracts';
import { Authenticator, AuthModule } from '@capstone/platform/auth';
import { AppConfig, PlatformConfigModule } from '@capstone/platform/config';
import { EventsModule, KafkaHealthCheck } from '@capstone/platform/events';
import {
  ObservabilityModule,
  postgresCheck,
  redisCheck,
  tolerated,
} from '@capstone/platform/observability';
import { QueueRegistry, QueuesModule } from '@capstone/platform/queues';
import { administratorsOnly } from './admin/administrators-only';
import { DevelopmentLoginModule } from './admin/development-login/development-login.module';
import { environmentSchema, type Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { MailSourcesModule } from './mail-sources/mail-sources.module';
import { MailboxModule } from './mailbox/mailbox.module';
import { MailPreferencesModule } from './preferences/mail-preferences.module';
import { RecipientsModule } from './recipients/recipients.module';
import { TemplatesModule } from './templates/templates.module';
import { MailTransport } from './transport/mail-transport';
import { TransportModule } from './transport/transport.module';

@Module({
  imports: [
    PlatformConfigModule.forRoot(environmentSchema),
    // Ahead of EventsModule and QueuesModule: global modules shut down in reverse order, so the database closes last.
    DatabaseModule,
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
        service: 'notification-service',
        brokers: config.get('KAFKA_BROKERS'),
        databaseUrl: config.get('DATABASE_URL'),
        partitions: config.get('KAFKA_PARTITIONS'),
        topicPrefix: config.get('KAFKA_TOPIC_PREFIX') || undefined,
      }),
    }),
    QueuesModule.forRootAsync({
      inject: [AppConfig, Authenticator],
      useFactory: (config: AppConfig<Environment>, authenticator: Authenticator) => ({
        connection: { url: config.get('REDIS_URL') },
        prefix: config.get('QUEUE_PREFIX'),
        queues: [MAIL_QUEUE],
        concurrency: { [MAIL_QUEUE]: config.get('MAIL_CONCURRENCY') },
        dashboard: {
          route: 'api/notifications/v1/admin/queues',
          authorize: administratorsOnly(authenticator),
        },
      }),
    }),
    ObservabilityModule.forRoot({
      serviceName: 'notification-service',
      // Its HTTP API (preferences, the admin's delivery log and mailbox) needs only Postgres. The
      // mail worker, the event consumer and SMTP sends reconnect and retry on their own, and an
      // unready pod still runs them: those outages show as degraded, they do not pull the pod.
      readiness: {
        imports: [TransportModule],
        inject: [PrismaService, AppConfig, QueueRegistry, KafkaHealthCheck, MailTransport],
        useFactory: (
          prisma: PrismaService,
          config: AppConfig<Environment>,
          queues: QueueRegistry,
          kafka: KafkaHealthCheck,
          transport: MailTransport,
        ) => [
          postgresCheck(() => prisma.$queryRaw`SELECT 1`),
          tolerated(redisCheck(queues)),
          tolerated(kafka),
          // The development mailbox is the database itself; only a real SMTP server is a dependency.
          ...(config.get('SMTP_URL')
            ? [tolerated({ name: 'smtp', probe: () => transport.verify() })]
            : []),
        ],
      },
    }),
    TemplatesModule,
    MailboxModule,
    MailPreferencesModule,
    RecipientsModule,
    MailSourcesModule,
    DevelopmentLoginModule,
  ],
})
export class AppModule {}
