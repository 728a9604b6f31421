/**
 * The outbox half of `npm run bench -- platform`, run by tools/bench in a process of its own (tools
 * may not import this library). Writers commit events through the Outbox in ambient transactions
 * while one OutboxRelay publishes them, in this process as inside a service or in one of its own;
 * prints one JSON line, an OutboxThroughputResult. Settings come from the environment (see
 * `settingsFromEnvironment`).
 */
import { AUTH_USERS_TOPIC } from '@capstone/contracts';
import { createKafka, deadLetterTopic, KafkaTopics } from '../src';
import { startBenchRelay, type BenchRelay } from './bench-relay';
import { BenchWriters } from './bench-writers';
import { commitToPublish, databaseClockOffset, wallClockMs } from './publish-stamps';
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

async function run(settings: OutboxThroughputSettings): Promise<OutboxThroughputResult> {
  const writers = await BenchWriters.open(settings.databaseUrl, settings.writers);
  const prisma = writers.prisma;
  const kafka = createKafka({ clientId: 'outbox-bench', brokers: settings.kafkaBrokers });
  const topics = new KafkaTopics(kafka, {
    partitions: settings.partitions,
    prefix: settings.topicPrefix,
  });
  const topic = topics.name(AUTH_USERS_TOPIC);
  let relay: BenchRelay | undefined;
  try {
    // A running service has its topics and producer already: neither is part of an event's latency.
    await topics.ensure([AUTH_USERS_TOPIC]);
    relay = await startBenchRelay(settings, kafka, topics);

    const warmUp = await writers.write({ events: settings.writers, eventsPerTransaction: 1 });
    await commitToPublish(prisma, warmUp, 0, settings.publishedWithinMs);

    const clockOffsetMs = await databaseClockOffset(prisma);
    const startedAtMs = wallClockMs();
    const committed = await writers.write({
      events: settings.events,
      eventsPerTransaction: settings.eventsPerTransaction,
      perSecond: settings.offeredPerSecond,
    });
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
    await relay?.stop();
    await writers.stop();
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
