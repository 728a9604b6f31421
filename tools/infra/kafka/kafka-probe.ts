import { Kafka, logLevel } from 'kafkajs';
import type { Health } from '../component';
import { unhealthy } from '../health';
import { formatAddress, type SocketAddress } from '../network';

/** Ready means what services need: a client connects and the broker answers metadata requests. */
export async function probeKafka(brokers: SocketAddress[]): Promise<Health> {
  const admin = new Kafka({
    clientId: 'capstone-infra',
    brokers: brokers.map(formatAddress),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    const { clusterId } = await admin.describeCluster();
    return { healthy: true, detail: `cluster ${clusterId}, ${topics.length} topics` };
  } catch (error) {
    return unhealthy(error);
  } finally {
    await admin.disconnect();
  }
}
