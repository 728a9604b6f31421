import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KafkaJSError, type Kafka, type TopicMessages } from 'kafkajs';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import type { KafkaTopics } from '../kafka/kafka-topics';
import { outboxOldestUnpublishedAge, outboxPublishFailures, outboxUnpublished } from '../metrics';
import { backoffDelay, type BackoffPolicy } from '../retry/backoff';
import { pause } from '../retry/pause';
import { Wakeup } from '../retry/wakeup';
import { Periodic } from './periodic';
import { RelaySession, type OutboxRow } from './relay-session';

export interface OutboxRelayOptions {
  /** The service's database; the relay keeps one dedicated connection to it. */
  databaseUrl: string;
  kafka: Kafka;
  topics: KafkaTopics;
  /**
   * Rows a batch carries at most (default 500; fewer when their payloads are large): each batch costs
   * a round trip to Postgres and one to Kafka, so a backlog drains faster in larger ones.
   */
  batchSize?: number;
  /** Safety net for a missed notification (e.g. across a reconnect); commits normally wake the relay at once. */
  pollIntervalMs?: number;
  backoff?: BackoffPolicy;
  /** Published rows older than this are deleted; they are only kept to investigate incidents. */
  retentionMs?: number;
  /**
   * Consumers' processed-event records older than this are deleted. It must outlast any redelivery:
   * keep it well above the topics' Kafka retention (7 days by default).
   */
  processedRetentionMs?: number;
}

/**
 * Publishes committed outbox rows to Kafka in sequence order, marking each batch published only
 * after the broker acknowledged it. While Kafka is unreachable it retries the same oldest batch with
 * exponential backoff, so nothing is skipped or reordered; at worst a batch is published twice.
 */
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly publisher: KafkaPublisher;
  private readonly wakeup = new Wakeup();
  private readonly stopping = new AbortController();
  private readonly lagCheck = new Periodic(1_000);
  private readonly retentionSweep = new Periodic(60_000);
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly retentionMs: number;
  private readonly processedRetentionMs: number;
  private session?: RelaySession;
  private leader = false;
  private failures = 0;
  private running?: Promise<void>;

  constructor(private readonly options: OutboxRelayOptions) {
    this.publisher = new KafkaPublisher(options.kafka);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.backoff = options.backoff ?? { initialDelayMs: 200, maxDelayMs: 10_000 };
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3_600_000;
    this.processedRetentionMs = options.processedRetentionMs ?? 30 * 24 * 3_600_000;
  }

  /** Whether this instance currently holds the database's publishing seat. */
  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.wakeup.wake();
    await this.running;
    await this.publisher.disconnect();
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        await this.publishUntilCaughtUp();
        await this.wakeup.wait(this.pollIntervalMs);
      } catch (error) {
        this.failures += 1;
        await this.recover(error, this.failures);
      }
    }
    await this.closeSession();
  }

  /**
   * Publishes batch after batch until no committed row is left waiting. One batch is in Kafka's
   * hands at a time, and the next is sent only once it is acknowledged, so a key's events reach
   * the broker in sequence order; meanwhile one statement stamps the batch before it and reads the
   * next, so the database round trip hides behind the broker's.
   */
  private async publishUntilCaughtUp(): Promise<void> {
    const session = await this.openSession();
    this.leader ||= await session.tryLead();
    if (!this.leader) return;

    await this.runChores(session);
    let acknowledged: string[] = [];
    let batch = await session.markPublishedAndReadNext([], [], this.batchSize);
    while (batch.length > 0) {
      const sending = batch.map((row) => row.id);
      const [sent, read] = await Promise.allSettled([
        this.send(batch),
        session.markPublishedAndReadNext(acknowledged, sending, this.batchSize),
      ]);
      // Both settle first: a failed send leaves its rows unstamped, to be retried from the oldest.
      if (sent.status === 'rejected') throw sent.reason;
      if (read.status === 'rejected') throw read.reason;
      this.failures = 0;
      if (this.stopping.signal.aborted) return session.markPublished(sending);
      acknowledged = sending;
      batch = read.value;
      if (batch.length === 0) {
        // Nothing was waiting behind this batch: stamp it now rather than with the next batch's read.
        batch = await session.markPublishedAndReadNext(acknowledged, [], this.batchSize);
        acknowledged = [];
      }
      await this.runChores(session);
    }
  }

  private async runChores(session: RelaySession): Promise<void> {
    if (this.lagCheck.due()) await this.reportLag(session);
    // The leader keeps the database's event tables in bounds, a slice at a time.
    if (this.retentionSweep.due()) {
      await session.deletePublishedBefore(new Date(Date.now() - this.retentionMs), 10_000);
      await session.deleteProcessedBefore(new Date(Date.now() - this.processedRetentionMs), 10_000);
    }
  }

  private async send(batch: OutboxRow[]): Promise<void> {
    await this.options.topics.ensure(batch.map((row) => row.topic));
    await this.publisher.send(this.toTopicMessages(batch));
  }

  private toTopicMessages(batch: OutboxRow[]): TopicMessages[] {
    const byTopic = new Map<string, TopicMessages>();
    for (const row of batch) {
      let entry = byTopic.get(row.topic);
      if (!entry) {
        entry = { topic: this.options.topics.name(row.topic), messages: [] };
        byTopic.set(row.topic, entry);
      }
      entry.messages.push({ key: row.key, value: row.value, headers: row.headers });
    }
    return [...byTopic.values()];
  }

  private async recover(error: unknown, failures: number): Promise<void> {
    const delayMs = backoffDelay(failures, this.backoff);
    if (error instanceof KafkaJSError) {
      outboxPublishFailures.inc();
      this.logger.warn(
        `Kafka did not take the outbox batch (${error.message}); retrying in ${delayMs} ms`,
      );
    } else {
      this.logger.warn(
        `Outbox relay lost its database session (${(error as Error).message}); reconnecting in ${delayMs} ms`,
      );
      await this.closeSession();
    }
    await pause(delayMs, this.stopping.signal);
  }

  private async reportLag(session: RelaySession): Promise<void> {
    const lag = await session.lag();
    outboxUnpublished.set(lag.unpublished);
    outboxOldestUnpublishedAge.set(lag.oldestAgeSeconds);
  }

  private async openSession(): Promise<RelaySession> {
    if (this.session?.isBroken) await this.closeSession();
    this.session ??= await RelaySession.open(this.options.databaseUrl, () => this.wakeup.wake());
    return this.session;
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.leader = false;
    await session?.close().catch(() => undefined); // a broken connection has nothing left to close
  }
}
