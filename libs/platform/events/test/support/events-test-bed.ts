import { join } from 'node:path';
import {
  createTestDatabase,
  prismaProject,
  testEndpoints,
  testKafkaNames,
  type PrismaProject,
  type TestDatabase,
} from '@capstone/platform/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import type { IHeaders, Kafka } from 'kafkajs';
import {
  createKafka,
  EventConsumer,
  KafkaTopics,
  Outbox,
  OutboxRelay,
  type EventConsumerOptions,
  type OutboxRelayOptions,
} from '../../src';
import { PrismaClient } from '../prisma/generated/prisma/client';

export const eventsTestProject: PrismaProject = prismaProject(
  join(__dirname, '..', 'prisma'),
  'events',
);

export type TestTransaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * One test file's world: its own database cloned from the migrated template, its own topic
 * namespace, and every relay and consumer it started, all stopped and dropped by `close()`.
 */
export class EventsTestBed {
  readonly outbox = new Outbox();
  private readonly running: { stop(): Promise<void> }[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly prisma: PrismaClient,
    readonly kafka: Kafka,
    readonly topics: KafkaTopics,
    private readonly groupPrefix: string,
  ) {}

  static async open(label: string): Promise<EventsTestBed> {
    const database = await createTestDatabase(eventsTestProject);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    const kafka = createKafka({
      clientId: `events-test-${label}`,
      brokers: testEndpoints.kafkaBrokers,
    });
    const names = testKafkaNames(label);
    const topics = new KafkaTopics(kafka, { partitions: 3, prefix: names.topicPrefix });
    return new EventsTestBed(database, prisma, kafka, topics, names.groupId(''));
  }

  startRelay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const relay = new OutboxRelay({
      databaseUrl: this.database.url,
      kafka: this.kafka,
      topics: this.topics,
      ...options,
    });
    relay.start();
    this.running.push(relay);
    return relay;
  }

  consumer(
    name: string,
    options: Partial<EventConsumerOptions<TestTransaction>> = {},
  ): EventConsumer<TestTransaction> {
    const consumer = new EventConsumer<TestTransaction>({
      kafka: this.kafka,
      topics: this.topics,
      groupId: this.groupId(name),
      database: this.prisma,
      retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 100 },
      ...options,
    });
    this.running.push(consumer);
    return consumer;
  }

  groupId(name: string): string {
    return `${this.groupPrefix}${name}`;
  }

  /** Writes a message straight to Kafka, bypassing the outbox: a redelivery, or what a broken producer sends. */
  async produceRaw(
    topic: string,
    message: { key: string; value: string; headers?: IHeaders },
  ): Promise<void> {
    const producer = this.kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: [message] });
    } finally {
      await producer.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.running.map((component) => component.stop()));
    await this.prisma.$disconnect();
    await this.database.drop();
  }
}
