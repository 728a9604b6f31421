import { join } from 'node:path';
import {
  createTestDatabase,
  prismaProject,
  testEndpoints,
  testKafkaNames,
  type PrismaProject,
  type TestDatabase,
} from '@capstone/platform/testing';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { Test, type TestingModule } from '@nestjs/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import type { IHeaders, Kafka } from 'kafkajs';
import {
  createKafka,
  EventConsumer,
  KafkaTopics,
  Outbox,
  OutboxRelay,
  TransactionsModule,
  type EventConsumerOptions,
  type OutboxRelayOptions,
} from '../../src';
import { PrismaClient } from '../prisma/generated/prisma/client';

export const eventsTestProject: PrismaProject = prismaProject(
  join(__dirname, '..', 'prisma'),
  'events',
);

export type TestTransactions = TransactionHost<TransactionalAdapterPrisma<PrismaClient>>;

/** The test schema's client, wired for ambient transactions as a service's DatabaseModule and TransactionsModule wire theirs. */
export async function testTransactions(prisma: PrismaClient): Promise<TestingModule> {
  const database = {
    module: class TestDatabaseModule {},
    providers: [{ provide: PrismaClient, useValue: prisma }],
    exports: [PrismaClient],
  };
  return Test.createTestingModule({
    imports: [TransactionsModule.forRoot({ imports: [database], database: PrismaClient })],
  }).compile();
}

/**
 * One test file's world: its own database cloned from the migrated template, its own topic
 * namespace, and every relay and consumer it started, all stopped and dropped by `close()`.
 */
export class EventsTestBed {
  readonly outbox: Outbox;
  private readonly running: { stop(): Promise<void> }[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly prisma: PrismaClient,
    readonly transactions: TestTransactions,
    readonly kafka: Kafka,
    readonly topics: KafkaTopics,
    private readonly groupPrefix: string,
  ) {
    this.outbox = new Outbox(transactions);
  }

  static async open(label: string): Promise<EventsTestBed> {
    const database = await createTestDatabase(eventsTestProject);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    const transactions: TestTransactions = (await testTransactions(prisma)).get(TransactionHost);
    const kafka = createKafka({
      clientId: `events-test-${label}`,
      brokers: testEndpoints.kafkaBrokers,
    });
    const names = testKafkaNames(label);
    const topics = new KafkaTopics(kafka, { partitions: 3, prefix: names.topicPrefix });
    return new EventsTestBed(database, prisma, transactions, kafka, topics, names.groupId(''));
  }

  /** The ambient transaction's client inside `transactions.withTransaction`, the pool outside it. */
  get tx(): TestTransactions['tx'] {
    return this.transactions.tx;
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

  consumer(name: string, options: Partial<EventConsumerOptions> = {}): EventConsumer {
    const consumer = new EventConsumer({
      kafka: this.kafka,
      topics: this.topics,
      groupId: this.groupId(name),
      transactions: this.transactions,
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
