/**
 * The outbox benchmark's relay in a process of its own, as in production one pod's relay publishes
 * what requests in many pods wrote. Started by outbox-throughput.ts with its environment; prints
 * `leading` once it holds the database's publishing seat and stops on SIGTERM.
 */
import { createKafka, KafkaTopics, OutboxRelay } from '../src';
import { settingsFromEnvironment } from './settings';

const settings = settingsFromEnvironment(process.env);
const kafka = createKafka({ clientId: 'outbox-bench-relay', brokers: settings.kafkaBrokers });
const relay = new OutboxRelay({
  databaseUrl: settings.databaseUrl,
  kafka,
  topics: new KafkaTopics(kafka, { partitions: settings.partitions, prefix: settings.topicPrefix }),
  batchSize: settings.relayBatchSize,
});

process.once('SIGTERM', () => void relay.stop().then(() => process.exit(0)));
relay.start();
const announceLead = setInterval(() => {
  if (!relay.isLeader) return;
  clearInterval(announceLead);
  process.stdout.write('leading\n');
}, 10);
