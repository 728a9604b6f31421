import type { Kafka } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replicationFactor?: number;
  /** Namespace for every topic name, so environments (or test files) can share one cluster. */
  prefix?: string;
}

/** Where a consumer parks the messages of `topic` it could not process. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Maps contract topics to broker topic names and creates them, with their dead-letter topics, once. */
export class KafkaTopics {
  private readonly ensured = new Set<string>();

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: TopicSettings,
  ) {}

  name(topic: string): string {
    return this.settings.prefix ? `${this.settings.prefix}.${topic}` : topic;
  }

  async ensure(topics: Iterable<string>): Promise<void> {
    const wanted = [...new Set(topics)]
      .flatMap((topic) => [this.name(topic), deadLetterTopic(this.name(topic))])
      .filter((name) => !this.ensured.has(name));
    if (wanted.length === 0) return;

    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((name) => !existing.has(name));
      if (missing.length > 0) {
        // Resolves false instead of throwing when a concurrent starter created them first.
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.settings.partitions,
            replicationFactor: this.settings.replicationFactor ?? 1,
          })),
        });
      }
      wanted.forEach((name) => this.ensured.add(name));
    } finally {
      await admin.disconnect();
    }
  }
}
