import { logLevel, type Consumer, type Kafka, type KafkaMessage } from 'kafkajs';
import { eventually } from '../eventually';
import { testKafkaClient } from './test-kafka-client';
import { uniqueTestId } from '../test-names';

/** A consumed message with its key, value and headers decoded to strings. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Everything published to a topic since its beginning, in arrival order, until `stop()`. */
export interface KafkaRecording {
  readonly messages: readonly ReceivedMessage[];
  stop(): Promise<void>;
}

/** Starts reading `topic` from the beginning with a throwaway consumer group. */
export async function recordKafkaMessages(
  topic: string,
  { timeoutMs = 15_000 } = {},
): Promise<KafkaRecording> {
  const kafka = testKafkaClient('test-recorder', logLevel.ERROR);
  await awaitTopic(kafka, topic, timeoutMs);
  // A short fetch wait keeps `stop()` quick: disconnecting waits for the fetch in flight.
  const consumer: Consumer = kafka.consumer({
    groupId: `test-recorder.${uniqueTestId()}`,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
  });
  const messages: ReceivedMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) =>
      void messages.push(decode(topic, partition, message)),
  });
  return { messages, stop: () => consumer.disconnect() };
}

// Subscribing to a topic that does not exist yet would fail; the code under test may still be creating it.
async function awaitTopic(kafka: Kafka, topic: string, timeoutMs: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        if (!(await admin.listTopics()).includes(topic))
          throw new Error(`topic ${topic} does not exist`);
      },
      { timeoutMs, intervalMs: 100 },
    );
  } finally {
    await admin.disconnect();
  }
}

function decode(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [
      name,
      String(Array.isArray(value) ? value[0] : value),
    ]),
  );
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value?.toString('utf8') ?? null,
    headers,
  };
}
