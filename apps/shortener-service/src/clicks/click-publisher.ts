import { hostname } from 'node:os';
import type { IncomingHttpHeaders } from 'node:http';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SHORTENER_CLICKS_TOPIC } from '@capstone/contracts';
import { AppConfig } from '@capstone/platform/config';
import {
  backoffDelay,
  createKafka,
  KafkaPublisher,
  KafkaTopics,
  type BackoffPolicy,
} from '@capstone/platform/events';
import type { Environment } from '../config/environment';
import { sealBatch, type BatchOrigin, type SealedBatch } from './click-batch';
import { ClickBuffer } from './click-buffer';
import {
  clickPublishFailures,
  clicksBuffered,
  clicksDropped,
  clicksPublished,
  clicksSpilled,
} from './click-metrics';
import { ClickSpill } from './click-spill';
import { VisitorAgents } from './visitor-agent';

// Several batches share a produce request, well under Kafka's 1 MB per partition and request.
const SEND_MAX_CHARS = 512 * 1024;
const SPILL_PUSH_BATCHES = 20;
const SPILL_DRAIN_BATCHES = 8;
// Another instance may have spilled and gone: every instance looks at the list this often.
const SPILL_LOOK_INTERVAL_MS = 5_000;
const BACKOFF: BackoffPolicy = { initialDelayMs: 200, maxDelayMs: 5_000 };
// With Redis away too, a spill is tried again this often, not on every click.
const SPILL_RETRY_MS = 1_000;

/**
 * Every redirect's click, on its way to `shortener.clicks` with no database write and no wait on
 * Kafka: `record` only appends to memory. Batches are sealed off the request path (user agents
 * parsed there, memoised) and published every flush interval or as soon as one is full. While
 * Kafka is away they wait in memory, retried with backoff; from half the buffer on they move to
 * a Redis list, drained once Kafka is back. Shutdown publishes what is left, or spills it.
 */
@Injectable()
export class ClickPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClickPublisher.name);
  private readonly buffer: ClickBuffer;
  private readonly agents = new VisitorAgents();
  private readonly kafka: KafkaPublisher;
  private readonly origin: BatchOrigin;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly spillThreshold: number;
  private timer?: NodeJS.Timeout;
  private tickScheduled = false;
  private sending?: Promise<void>;
  private spilling?: Promise<void>;
  private failures = 0;
  private retryAt = 0;
  private spillRetryAt = 0;
  private spillMayHoldBatches = true;
  private nextSpillLookAt = 0;
  private stopped = false;

  constructor(
    config: AppConfig<Environment>,
    private readonly topics: KafkaTopics,
    private readonly spill: ClickSpill,
  ) {
    this.batchSize = config.get('CLICK_BATCH_SIZE');
    this.flushIntervalMs = config.get('CLICK_FLUSH_INTERVAL_MS');
    this.buffer = new ClickBuffer(config.get('CLICK_BUFFER_SIZE'), this.batchSize);
    this.spillThreshold = Math.floor(this.buffer.capacity / 2);
    this.kafka = new KafkaPublisher(
      createKafka({ clientId: 'shortener-service', brokers: config.get('KAFKA_BROKERS') }),
    );
    this.origin = { source: 'shortener-service', subject: `${hostname()}:${process.pid}` };
  }

  /** A redirect happened. Synchronous and O(1): four references and a time appended to arrays. */
  record(linkId: string, headers: IncomingHttpHeaders): void {
    if (
      this.stopped ||
      !this.buffer.add(linkId, Date.now(), headers['user-agent'], headers.referer)
    ) {
      clicksDropped.inc();
      return;
    }
    if (this.buffer.unsealed >= this.batchSize || this.spillDue()) this.scheduleTick();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick({ fullOnly: false }), this.flushIntervalMs).unref();
  }

  /** Runs before Redis and Kafka's clients close (their modules are global, so they shut down last). */
  async onApplicationShutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all([this.sending, this.spilling]);
    this.seal();
    // A Kafka already failing would make shutdown wait out its timeouts: Redis takes the clicks at once.
    if (this.failures === 0) {
      try {
        await this.publishAllFromMemory();
      } catch (error) {
        this.logger.warn(`Kafka did not take the last clicks (${(error as Error).message})`);
      }
    }
    const rest = this.buffer.takeAll();
    if (rest.length > 0) await this.spillOrLose(rest);
    await this.kafka.disconnect().catch(() => undefined); // a broken producer has nothing left to flush
    clicksBuffered.set(0);
  }

  private scheduleTick(): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    setImmediate(() => {
      this.tickScheduled = false;
      // Between flush intervals only full batches go: a tick per click would send batches of one.
      this.tick({ fullOnly: true });
    });
  }

  private tick(sealing: { fullOnly: boolean }): void {
    if (this.stopped) return;
    this.seal(sealing);
    // `finally` runs after the assignment even when the work ends at once, so a guard is never left set.
    if (this.spillDue())
      this.spilling = this.spillWaiting().finally(() => (this.spilling = undefined));
    if (Date.now() >= this.retryAt && !this.sending)
      this.sending = this.publishRound().finally(() => (this.sending = undefined));
    clicksBuffered.set(this.buffer.size);
  }

  private spillDue(): boolean {
    return (
      this.buffer.size >= this.spillThreshold && !this.spilling && Date.now() >= this.spillRetryAt
    );
  }

  private seal(sealing = { fullOnly: false }): void {
    try {
      this.buffer.seal((visits) => sealBatch(visits, this.agents, this.origin), sealing);
    } catch (error) {
      // Only a bug gets here (the contract refused what this class built): say so loudly, lose no more.
      this.logger.error({ err: error }, 'a click batch could not be sealed; its clicks are lost');
    }
  }

  private async publishRound(): Promise<void> {
    try {
      await this.topics.ensure([SHORTENER_CLICKS_TOPIC]);
      // Memory and the spill take turns, so a steady stream of new clicks cannot starve the drain.
      for (;;) {
        const fromMemory = await this.publishFromMemory();
        const fromSpill = await this.publishFromSpill();
        if (!fromMemory && !fromSpill) break;
      }
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      const delayMs = backoffDelay(this.failures, BACKOFF);
      this.retryAt = Date.now() + delayMs;
      clickPublishFailures.inc();
      this.logger.warn(
        `Kafka did not take click batches (${(error as Error).message}); ${this.buffer.size} clicks wait in memory, retrying in ${delayMs} ms`,
      );
    }
    clicksBuffered.set(this.buffer.size);
  }

  private async publishAllFromMemory(): Promise<void> {
    await this.topics.ensure([SHORTENER_CLICKS_TOPIC]);
    while (await this.publishFromMemory());
  }

  /** One produce request of waiting batches; false when none were waiting. */
  private async publishFromMemory(): Promise<boolean> {
    const batches = this.buffer.take(SEND_MAX_CHARS);
    if (batches.length === 0) return false;
    try {
      await this.send(batches);
    } catch (error) {
      this.buffer.putBack(batches);
      throw error;
    }
    this.buffer.settle(batches);
    clicksPublished.inc({ from: 'memory' }, clicksIn(batches));
    return true;
  }

  /** One produce request of spilled batches; false when the spill is empty, not due a look, or out of reach. */
  private async publishFromSpill(): Promise<boolean> {
    if (this.stopped) return false;
    if (!this.spillMayHoldBatches && Date.now() < this.nextSpillLookAt) return false;
    let spilled: SealedBatch[];
    try {
      spilled = fitting(await this.spill.peek(SPILL_DRAIN_BATCHES));
    } catch {
      return this.lookAtSpillLater(); // Redis away: memory still goes to Kafka, the spill waits
    }
    if (spilled.length === 0) return this.lookAtSpillLater();
    await this.send(spilled);
    clicksPublished.inc({ from: 'spill' }, clicksIn(spilled));
    // Failing here leaves them spilled: published again later, and counted once by their ids.
    await this.spill.remove(spilled).catch(() => undefined);
    return true;
  }

  private lookAtSpillLater(): false {
    this.spillMayHoldBatches = false;
    this.nextSpillLookAt = Date.now() + SPILL_LOOK_INTERVAL_MS;
    return false;
  }

  private send(batches: readonly SealedBatch[]): Promise<void> {
    // Keyed by batch id: counters add up in any order, so no key needs ordering, and a random key
    // spreads even a single instance's batches over every partition. The id alone deduplicates.
    return this.kafka.send([
      {
        topic: this.topics.name(SHORTENER_CLICKS_TOPIC),
        messages: batches.map((batch) => ({ key: batch.id, value: batch.value })),
      },
    ]);
  }

  private async spillWaiting(): Promise<void> {
    try {
      for (
        let batches = this.buffer.takeAll();
        batches.length > 0;
        batches = this.buffer.takeAll()
      ) {
        for (let start = 0; start < batches.length; start += SPILL_PUSH_BATCHES) {
          const chunk = batches.slice(start, start + SPILL_PUSH_BATCHES);
          try {
            await this.spill.push(chunk);
          } catch (error) {
            this.buffer.putBack(batches.slice(start));
            this.spillRetryAt = Date.now() + SPILL_RETRY_MS;
            this.logger.error(
              `Redis did not take spilled clicks either (${(error as Error).message}): ${this.buffer.size} wait in memory, and clicks past ${this.buffer.capacity} are dropped`,
            );
            return;
          }
          this.buffer.settle(chunk);
          clicksSpilled.inc(clicksIn(chunk));
          this.spillMayHoldBatches = true;
        }
        if (this.buffer.size < this.spillThreshold) return;
        this.seal();
      }
    } finally {
      clicksBuffered.set(this.buffer.size);
    }
  }

  private async spillOrLose(batches: SealedBatch[]): Promise<void> {
    this.buffer.settle(batches);
    for (let start = 0; start < batches.length; start += SPILL_PUSH_BATCHES) {
      const chunk = batches.slice(start, start + SPILL_PUSH_BATCHES);
      try {
        await this.spill.push(chunk);
        clicksSpilled.inc(clicksIn(chunk));
      } catch (error) {
        // Nothing durable is left to hand them to; the count is what an operator can reconcile.
        const lost = clicksIn(batches.slice(start));
        clicksDropped.inc(lost);
        this.logger.error(
          `shutting down with Kafka and Redis both away (${(error as Error).message}): ${lost} clicks are lost`,
        );
        return;
      }
    }
  }
}

function clicksIn(batches: readonly SealedBatch[]): number {
  return batches.reduce((sum, batch) => sum + batch.clicks, 0);
}

/** The leading batches that fit in one produce request (always at least one). */
function fitting(batches: SealedBatch[]): SealedBatch[] {
  let chars = 0;
  const fit = batches.findIndex((batch, index) => {
    chars += batch.value.length;
    return index > 0 && chars > SEND_MAX_CHARS;
  });
  return fit < 0 ? batches : batches.slice(0, fit);
}
