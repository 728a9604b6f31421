import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { fromCorrelationHeaders, toCorrelationHeaders } from '../src';
import { infrastructure } from './support/infrastructure';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('correlation headers', () => {
  it('writes the correlation id, causation id and trace parent, but not the request id', () => {
    const headers = toCorrelationHeaders({
      correlationId: 'chain-1',
      causationId: 'event-9',
      traceparent,
    });

    expect(headers).toEqual({
      'x-correlation-id': 'chain-1',
      'x-causation-id': 'event-9',
      traceparent,
    });
  });

  it('leaves out what the context does not have', () => {
    expect(toCorrelationHeaders({ correlationId: 'chain-1' })).toEqual({
      'x-correlation-id': 'chain-1',
    });
  });

  it('reads Buffer values as kafkajs delivers them', () => {
    const read = fromCorrelationHeaders({
      'x-correlation-id': Buffer.from('chain-1'),
      'x-causation-id': Buffer.from('event-9'),
      traceparent: Buffer.from(traceparent),
    });

    expect(read).toEqual({
      requestId: undefined,
      correlationId: 'chain-1',
      causationId: 'event-9',
      traceparent,
    });
  });

  it('drops values that are malformed, repeated or missing', () => {
    const read = fromCorrelationHeaders({
      'x-correlation-id': 'has spaces in it',
      'x-causation-id': ['event-1', 'event-2'],
      traceparent: '00-not-a-trace',
    });

    expect(read).toEqual({
      requestId: undefined,
      correlationId: undefined,
      causationId: undefined,
      traceparent: undefined,
    });
    expect(fromCorrelationHeaders(undefined)).toEqual(read);
  });

  it('carries the producer’s correlation to the consumer through a real Kafka topic', async () => {
    const kafka = new Kafka({
      clientId: 'correlation-headers-test',
      brokers: infrastructure.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const topic = `observability.correlation.${randomUUID()}`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `observability-correlation-${randomUUID()}` });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await Promise.all([producer.connect(), consumer.connect()]);

      await producer.send({
        topic,
        messages: [
          {
            value: 'hello',
            headers: toCorrelationHeaders({
              correlationId: 'chain-1',
              causationId: 'req-1',
              traceparent,
            }),
          },
        ],
      });

      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const received = new Promise<ReturnType<typeof fromCorrelationHeaders>>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => resolve(fromCorrelationHeaders(message.headers)),
        });
      });

      await expect(received).resolves.toEqual({
        requestId: undefined,
        correlationId: 'chain-1',
        causationId: 'req-1',
        traceparent,
      });
    } finally {
      await Promise.all([producer.disconnect(), consumer.disconnect()]);
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  }, 30_000);
});
