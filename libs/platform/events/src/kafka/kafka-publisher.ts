import { Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';

/**
 * An idempotent producer (one request in flight, so retries cannot reorder a partition) that is
 * thrown away after a failed send. kafkajs would otherwise retry forever while the broker is down;
 * bounded retries hand the outage back to the caller's backoff, and a fresh producer session starts
 * clean. A batch that failed after a partial write may then be sent twice; consumers deduplicate.
 */
export class KafkaPublisher {
  private producer?: Producer;

  constructor(private readonly kafka: Kafka) {}

  async send(topicMessages: TopicMessages[]): Promise<void> {
    const producer = await this.connected();
    try {
      await producer.sendBatch({ topicMessages, acks: -1 });
    } catch (error) {
      await this.disconnect().catch(() => undefined); // the producer is already broken; the send error is the one to report
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }
}
