import {
  eventContractFor,
  MAIL_QUEUE,
  SendMail,
  type EventEnvelope,
  type SendMailJob,
} from '@capstone/contracts';
import { createKafka } from '@capstone/platform/events';
import { JobProducer, QueueRegistry } from '@capstone/platform/queues';
import {
  createTestApp,
  createTestDatabase,
  servicePrismaProject,
  testEndpoints,
  testKafkaNames,
  testRedisPrefix,
  type TestApp,
  type TestDatabase,
  type TestKafkaNames,
  type TestTokenIssuer,
} from '@capstone/platform/testing';
import { AppModule } from '../src/app.module';
import { httpOptions } from '../src/http-options';

export interface NotificationServiceOptions {
  /** Plays auth-service: the service trusts the tokens it mints. */
  issuer: TestTokenIssuer;
  /** Omit for the development mailbox. */
  smtpUrl?: string;
  /** Topics shared with another service under test, so this one consumes what it publishes. */
  kafka?: TestKafkaNames;
  /** A BullMQ prefix shared with another service under test, so this one's workers take its jobs. */
  queuePrefix?: string;
  /** Variables that differ from the test defaults, e.g. `{ NODE_ENV: 'development' }`. */
  environment?: Record<string, string>;
}

export interface NotificationServiceUnderTest extends TestApp {
  database: TestDatabase;
  topic(name: string): string;
  /** A producer on the service's `mail` queue, built the way auth-service builds its own. */
  mailQueue: JobProducer;
  queues: QueueRegistry;
  enqueueMail(mail: SendMailJob): Promise<void>;
  /**
   * Publishes to the service's topic of the event as a producer's outbox relay does: keyed by the
   * subject, the envelope as JSON, or `value` instead (a message that breaks the contract).
   */
  publish(event: EventEnvelope, value?: string): Promise<void>;
  /** A bearer token of an administrator, minted by the issuer. */
  adminToken: string;
  /** The delivery log's rows for this recipient, newest first, as the admin endpoint returns them. */
  deliveriesTo(recipient: string): Promise<Record<string, unknown>[]>;
  /** The development mailbox's messages to this address, newest first (only without `smtpUrl`). */
  mailboxOf(recipient: string): Promise<MailboxMessage[]>;
}

/** One message of the development mailbox, as its admin endpoint returns it. */
export interface MailboxMessage {
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export const PUBLIC_APP_URL = 'http://app.test';

/** notification-service on its own cloned database, Kafka topics and Redis prefix, built as main.ts builds it. */
export async function startNotificationService(
  label: string,
  {
    issuer,
    smtpUrl,
    kafka = testKafkaNames(label),
    queuePrefix = testRedisPrefix(label),
    environment,
  }: NotificationServiceOptions,
): Promise<NotificationServiceUnderTest> {
  const database = await createTestDatabase(servicePrismaProject('notification'));
  const serverUrl = testEndpoints.databaseUrl;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: testEndpoints.redisUrl,
    KAFKA_BROKERS: testEndpoints.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    QUEUE_PREFIX: queuePrefix,
    JWKS_URL: issuer.jwksUrl,
    JWT_ISSUER: issuer.issuer,
    JWT_AUDIENCE: issuer.audience,
    SMTP_URL: smtpUrl ?? '',
    PUBLIC_APP_URL,
    ...environment,
  });
  const app = await createTestApp(AppModule, { http: httpOptions });
  // The app has read its configuration; later test databases are made from the server URL again.
  process.env.DATABASE_URL = serverUrl;
  const queues = new QueueRegistry({
    connection: { url: testEndpoints.redisUrl },
    prefix: queuePrefix,
    queues: [MAIL_QUEUE],
  });
  const mailQueue = new JobProducer(queues);
  const producer = createKafka({
    clientId: `${label}-spec`,
    brokers: testEndpoints.kafkaBrokers,
  }).producer();
  // Connected on the first publish: most files never publish.
  let producerConnected: Promise<void> | undefined;
  const adminToken = await issuer.mint({ claims: { roles: ['user', 'admin'] } });
  return {
    ...app,
    database,
    topic: kafka.topic,
    mailQueue,
    queues,
    enqueueMail: async (mail) => {
      await mailQueue.enqueue(SendMail, mail, { jobId: mail.deliveryId });
    },
    publish: async (event, value = JSON.stringify(event)) => {
      await (producerConnected ??= producer.connect());
      await producer.send({
        topic: kafka.topic(eventContractFor(event).topic),
        messages: [{ key: event.subject, value }],
      });
    },
    adminToken,
    deliveriesTo: async (recipient) => {
      const { body } = await app.http
        .get('/api/notifications/v1/admin/deliveries')
        .query({ recipient })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      return body;
    },
    mailboxOf: async (recipient) => {
      const { body } = await app.http
        .get('/api/notifications/v1/admin/mailbox')
        .query({ to: recipient })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      return body;
    },
    close: async () => {
      if (producerConnected) await producer.disconnect();
      await queues.close();
      await app.close();
      await database.drop();
    },
  };
}
