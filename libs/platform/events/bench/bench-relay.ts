import { setTimeout as delay } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import { OutboxRelay, type KafkaTopics } from '../src';
import { BenchProcess } from './bench-process';
import type { OutboxThroughputSettings } from './settings';

export interface BenchRelay {
  stop(): Promise<void>;
}

/** Starts the run's one relay where the settings put it and resolves once it leads. */
export async function startBenchRelay(
  settings: OutboxThroughputSettings,
  kafka: Kafka,
  topics: KafkaTopics,
): Promise<BenchRelay> {
  if (settings.relayProcess === 'own') {
    const relay = BenchProcess.start('relay-process.ts');
    await relay.expect((line) => line === 'leading');
    return relay;
  }
  const relay = new OutboxRelay({
    databaseUrl: settings.databaseUrl,
    kafka,
    topics,
    batchSize: settings.relayBatchSize,
  });
  relay.start();
  while (!relay.isLeader) await delay(10);
  return relay;
}
