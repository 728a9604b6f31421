export interface OutboxThroughputSettings {
  databaseUrl: string;
  kafkaBrokers: string[];
  /** The run's own topic namespace; its topics are deleted at the end. */
  topicPrefix: string;
  /** Measured events, in total over all writers. */
  events: number;
  /** Concurrent writers, each committing one transaction after another on a connection of its own. */
  writers: number;
  eventsPerTransaction: number;
  /**
   * Events a second the writers offer between them, each transaction started on a fixed schedule;
   * left out, every writer commits one transaction after another as fast as it can.
   */
  offeredPerSecond?: number;
  /** `writers`: in the writers' process, as inside one service; `own`: a process of its own, as one pod publishing what many pods wrote. */
  relayProcess: RelayProcess;
  /** The relay's batch size; left out, the library's default. */
  relayBatchSize?: number;
  partitions: number;
  /** How long the relay may take to publish everything once the writers are done. */
  publishedWithinMs: number;
}

export type RelayProcess = 'writers' | 'own';

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function relayProcess(value: string): RelayProcess {
  if (value !== 'writers' && value !== 'own')
    throw new Error('OUTBOX_RELAY_PROCESS must be writers or own');
  return value;
}

export function settingsFromEnvironment(env: NodeJS.ProcessEnv): OutboxThroughputSettings {
  return {
    databaseUrl: required(env, 'DATABASE_URL'),
    kafkaBrokers: required(env, 'KAFKA_BROKERS').split(','),
    topicPrefix: required(env, 'KAFKA_TOPIC_PREFIX'),
    events: count(env, 'OUTBOX_EVENTS', 10_000),
    writers: count(env, 'OUTBOX_WRITERS', 16),
    eventsPerTransaction: count(env, 'OUTBOX_EVENTS_PER_TRANSACTION', 1),
    offeredPerSecond: env.OUTBOX_OFFERED_PER_SECOND
      ? count(env, 'OUTBOX_OFFERED_PER_SECOND', 1)
      : undefined,
    relayProcess: relayProcess(env.OUTBOX_RELAY_PROCESS ?? 'writers'),
    relayBatchSize: env.OUTBOX_RELAY_BATCH_SIZE
      ? count(env, 'OUTBOX_RELAY_BATCH_SIZE', 1)
      : undefined,
    partitions: count(env, 'OUTBOX_PARTITIONS', 3),
    publishedWithinMs: count(env, 'OUTBOX_PUBLISHED_WITHIN_MS', 60_000),
  };
}
