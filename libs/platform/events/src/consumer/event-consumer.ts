import { randomUUID } from 'node:crypto';
import type { EventContract, EventEnvelope, EventOf } from '@capstone/contracts';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Correlation, fromCorrelationHeaders } from '@capstone/platform/observability';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { withDeadLetterHeaders } from '../kafka/kafka-headers';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { deadLetterTopic, type KafkaTopics } from '../kafka/kafka-topics';
import { consumedMessages, handlerRetries } from '../metrics';
import { backoffDelay, type BackoffPolicy } from '../retry/backoff';
import { pause } from '../retry/pause';
import type { SqlTransactions } from '../sql-executor';
import { readDelivery } from './delivery';
import { withCommitHooks } from '../transactions/commit-hooks';

/**
 * Runs inside the ambient transaction that also records the event as processed: repositories it
 * calls join it, and returning normally commits both.
 */
export type EventHandler<C extends EventContract> = (event: EventOf<C>) => Promise<void>;

export interface RetryPolicy extends BackoffPolicy {
  /** Attempts in total, the first included, before the message goes to the dead-letter topic. */
  attempts: number;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  topics: KafkaTopics;
  groupId: string;
  /** The service's TransactionHost: each event's handler runs in a transaction it opens. */
  transactions: TransactionHost<SqlTransactions>;
  retry?: RetryPolicy;
  /** Partitions handled in parallel; messages within one partition are always handled in order. */
  partitionsConsumedConcurrently?: number;
}

type Outcome = 'processed' | 'duplicate' | 'ignored' | 'unknown_type' | 'dead_lettered';

/**
 * A consumer group with one handler per event type. Each event's effect commits together with a
 * processed-event row, so a redelivery finds the row and is skipped. A failing handler is retried
 * with backoff; after the last attempt the message is parked in `<topic>.dlq` and the partition
 * moves on. Offsets are committed only after a message is finished.
 */
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<string, EventHandler<EventContract>>();
  private readonly contracts = new Set<EventContract>();
  private readonly deadLetters: KafkaPublisher;
  private readonly stopping = new AbortController();
  private readonly retry: RetryPolicy;
  private consumer?: Consumer;

  constructor(private readonly options: EventConsumerOptions) {
    this.deadLetters = new KafkaPublisher(options.kafka);
    this.retry = options.retry ?? { attempts: 5, initialDelayMs: 100, maxDelayMs: 2_000 };
  }

  on<C extends EventContract>(contract: C, handler: EventHandler<C>): this {
    const key = eventKey(contract.type, contract.version);
    if (this.handlers.has(key)) throw new Error(`${this.options.groupId} already handles ${key}`);
    this.handlers.set(key, handler as EventHandler<EventContract>);
    this.contracts.add(contract);
    return this;
  }

  async start(): Promise<void> {
    if (this.consumer || this.handlers.size === 0) return;
    const topics = [...new Set([...this.contracts].map((contract) => contract.topic))];
    await this.options.topics.ensure(topics);
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    // A new group reads each topic from the start, so a new projection sees the whole history.
    await consumer.subscribe({
      topics: topics.map((topic) => this.options.topics.name(topic)),
      fromBeginning: true,
    });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: (payload) => this.receive(payload),
    });
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.disconnect();
    this.consumer = undefined;
    await this.deadLetters.disconnect();
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private async receive(payload: EachMessagePayload): Promise<void> {
    const delivery = readDelivery(payload.message.value);
    if (delivery.kind === 'unknown_type') {
      this.logger.debug(`${this.options.groupId} skipped ${delivery.type}: not a known event type`);
      return this.count(payload.topic, 'unknown_type');
    }
    if (delivery.kind === 'poisoned') return this.deadLetter(payload, delivery.reason, 1);
    const handler = this.handlers.get(eventKey(delivery.event.type, delivery.event.version));
    if (!handler) return this.count(payload.topic, 'ignored');
    // The trace travels in headers only; correlation and causation come from the validated envelope.
    const { traceparent } = fromCorrelationHeaders(payload.message.headers);
    const context = {
      requestId: randomUUID(),
      correlationId: delivery.event.correlationId,
      causationId: delivery.event.id,
      traceparent,
    };
    await Correlation.run(context, () => this.handleWithRetries(payload, delivery.event, handler));
  }

  private async handleWithRetries(
    payload: EachMessagePayload,
    event: EventEnvelope,
    handler: EventHandler<EventContract>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return this.count(payload.topic, await this.processOnce(event, handler));
      } catch (error) {
        // Shutting down is no reason to give up on a message: leave it uncommitted for the next run.
        if (this.stopping.signal.aborted) throw error;
        if (attempt >= this.retry.attempts)
          return this.deadLetter(payload, (error as Error).message, attempt);
        handlerRetries.inc({ consumer_group: this.options.groupId, topic: payload.topic });
        await pause(backoffDelay(attempt, this.retry), this.stopping.signal);
        await payload.heartbeat();
      }
    }
  }

  private async processOnce(
    event: EventEnvelope,
    handler: EventHandler<EventContract>,
  ): Promise<Outcome> {
    const { transactions } = this.options;
    // Hooked, so a handler's afterCommit work (forgetting caches) runs once the processed-event row
    // and the handler's changes have committed together.
    return withCommitHooks(transactions, async () => {
      const claimed = await transactions.tx.$executeRaw`
        INSERT INTO processed_event (consumer_group, event_id) VALUES (${this.options.groupId}, ${event.id}::uuid)
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) return 'duplicate';
      await handler(event);
      return 'processed';
    });
  }

  private async deadLetter(
    { topic, partition, message }: EachMessagePayload,
    error: string,
    attempts: number,
  ): Promise<void> {
    const headers = withDeadLetterHeaders(message.headers, {
      error,
      attempts: String(attempts),
      originalTopic: topic,
      originalPartition: String(partition),
      originalOffset: message.offset,
      consumerGroup: this.options.groupId,
    });
    await this.deadLetters.send([
      {
        topic: deadLetterTopic(topic),
        messages: [{ key: message.key, value: message.value, headers }],
      },
    ]);
    this.logger.warn(
      `${this.options.groupId} dead-lettered ${topic}[${partition}]@${message.offset} after ${attempts} attempt(s): ${error}`,
    );
    this.count(topic, 'dead_lettered');
  }

  private count(topic: string, outcome: Outcome): void {
    consumedMessages.inc({ consumer_group: this.options.groupId, topic, outcome });
  }
}

function eventKey(type: string, version: number): string {
  return `${type}@v${version}`;
}
