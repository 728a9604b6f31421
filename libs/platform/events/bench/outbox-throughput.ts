/**
 * The outbox half of `npm run bench -- platform`, run by tools/bench in a process of its own (tools
 * may not import this library). Writers commit events through the Outbox in ambient transactions
 * while one OutboxRelay publishes them, as inside a service; prints one JSON line, an
 * OutboxThroughputResult. Settings come from the environment (see `settingsFromEnvironment`).
 */
import { AUTH_USERS_TOPIC } from '@capstone/contracts';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { NestFactory } from '@nestjs/core';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  createKafka,
  deadLetterTopic,
  KafkaTopics,
  Outbox,
  OutboxRelay,
  TransactionsModule,
} from '../src';
import { PrismaClient } from '../test/prisma/generated/prisma/client';
import { registeredEvent } from '../test/support/users';
import {
  commitToPublish,
  databaseClockOffset,
  wallClockMs,
  type Committed,
} from './publish-stamps';
import { settingsFromEnvironment, type OutboxThroughputSettings } from './settings';

export interface OutboxThroughputResult {
  settings: OutboxThroughputSettings;
  /** From the first measured transaction's start to its last commit, and to the last acknowledgement. */
  writeMs: number;
  totalMs: number;
  /** Commit (client side) to `published_at` (stamped by the relay once Kafka acknowledged), one per event. */
  latenciesMs: number[];
  /** Distinct `published_at` stamps among the measured rows: about the relay batches that carried them. */
  publishStamps: number;
  /** Messages the broker holds on the topic after the run: warm-up and measured events, at least. */
  brokerMessages: number;
  warmUpEvents: number;
  /** Postgres clock minus ours, measured and taken out of every latency. */
  clockOffsetMs: number;
}

type BenchTransactions = TransactionHost<TransactionalAdapterPrisma<PrismaClient>>;

async function run(settings: OutboxThroughputSettings): Promise<OutboxThroughputResult> {
  // One pooled connection per writer, so 16 writers really hold 16 transactions open at once.
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: settings.databaseUrl, max: settings.writers }),
  });
  const database = {
    module: class BenchDatabase {},
    providers: [{ provide: PrismaClient, useValue: prisma }],
    exports: [PrismaClient],
  };
  const app = await NestFactory.createApplicationContext(
    TransactionsModule.forRoot({ imports: [database], database: PrismaClient }),
    { logger: ['warn', 'error'] },
  );
  const transactions: BenchTransactions = app.get(TransactionHost);
  const outbox = new Outbox(transactions);
  const kafka = createKafka({ clientId: 'outbox-bench', brokers: settings.kafkaBrokers });
  const topics = new KafkaTopics(kafka, {
    partitions: settings.partitions,
    prefix: settings.topicPrefix,
  });
  const topic = topics.name(AUTH_USERS_TOPIC);
  const relay = new OutboxRelay({
    databaseUrl: settings.databaseUrl,
    kafka,
    topics,
    batchSize: settings.relayBatchSize,
  });
  try {
    // A running service has its topics and producer already: neither is part of an event's latency.
    await topics.ensure([AUTH_USERS_TOPIC]);
    relay.start();

    const writeAll = async (events: number, eventsPerTransaction: number) => {
      const committed: Committed[] = [];
      let claimed = 0;
      const writer = async () => {
        while (claimed < events) {
          const batch = Array.from(
            { length: Math.min(eventsPerTransaction, events - claimed) },
            () => registeredEvent(),
          );
          claimed += batch.length;
          await transactions.withTransaction(() => outbox.recordAll(batch));
          const committedAtMs = wallClockMs();
          for (const event of batch) committed.push({ id: event.id, committedAtMs });
        }
      };
      await Promise.all(Array.from({ length: settings.writers }, writer));
      return committed;
    };

    const warmUp = await writeAll(settings.writers, 1);
    await commitToPublish(prisma, warmUp, 0, settings.publishedWithinMs);

    const clockOffsetMs = await databaseClockOffset(prisma);
    const startedAtMs = wallClockMs();
    const committed = await writeAll(settings.events, settings.eventsPerTransaction);
    const writeMs = wallClockMs() - startedAtMs;
    const published = await commitToPublish(
      prisma,
      committed,
      clockOffsetMs,
      settings.publishedWithinMs,
    );

    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return {
        settings: { ...settings, databaseUrl: '(bench database)' },
        writeMs,
        totalMs: published.lastPublishedAtMs - startedAtMs,
        latenciesMs: published.latenciesMs,
        publishStamps: published.stamps,
        brokerMessages: offsets.reduce((sum, partition) => sum + Number(partition.high), 0),
        warmUpEvents: warmUp.length,
        clockOffsetMs,
      };
    } finally {
      await admin.deleteTopics({ topics: [topic, deadLetterTopic(topic)] });
      await admin.disconnect();
    }
  } finally {
    await relay.stop();
    await app.close();
    await prisma.$disconnect();
  }
}

run(settingsFromEnvironment(process.env)).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
