import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateClient, prismaProject } from '../../db';
import { formatAddress } from '../../infra/network';
import { infraSettings } from '../../infra/settings';
import { repoRoot } from '../../workspace/paths';
import { createBenchDatabase } from '../bench-database';
import { percentile } from '../percentile';

export interface OutboxShape {
  /** Concurrent writers, each committing one transaction after another on a connection of its own. */
  writers: number;
  /** Events a transaction; `split` shares the run's events evenly, one transaction per writer. */
  eventsPerTransaction: number | 'split';
  /** Events a second the writers offer on a fixed schedule; left out, they commit as fast as they can. */
  offeredPerSecond?: number;
  /** `writers`: the relay runs in the writers' process, as inside one service; `own`: in a process of its own. */
  relayProcess: 'writers' | 'own';
}

/**
 * A service pod (16 writers × 1 event a transaction, its own relay in its thread); the literal target
 * (16 concurrent transactions writing the run's events between them) against a relay of its own,
 * which is the relay's capacity draining a burst; and a steady 5,000 events/s from 16 writers × 20
 * events a transaction (one Node thread offers that through Prisma only in transactions of many
 * events), where commit-to-acknowledgement latency is the relay's and not a backlog's.
 */
export const OUTBOX_SHAPES: readonly OutboxShape[] = [
  { writers: 16, eventsPerTransaction: 1, relayProcess: 'writers' },
  { writers: 16, eventsPerTransaction: 'split', relayProcess: 'own' },
  { writers: 16, eventsPerTransaction: 20, offeredPerSecond: 5_000, relayProcess: 'own' },
];

export interface OutboxLoad extends OutboxShape {
  /** Events committed in total, by all writers together. */
  events: number;
  /** The relay's batch size; left out, the library's default. */
  relayBatchSize?: number;
}

export interface OutboxResult extends OutboxLoad {
  eventsPerTransaction: number;
  partitions: number;
  /** Measured events over the time from the first transaction's start to the last acknowledgement. */
  eventsPerSecond: number;
  /** Measured events over the writers' own time: what the writers could commit, publishing or not. */
  committedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Measured events over distinct `published_at` stamps: about the events one relay batch carried. */
  eventsPerRelayBatch: number;
  /** Messages on the run's topic when it ended, warm-up included: at least warm-up + events. */
  brokerMessages: number;
  warmUpEvents: number;
  clockOffsetMs: number;
}

/** What libs/platform/events/bench/outbox-throughput.ts prints. */
interface DriverOutput {
  settings: { partitions: number };
  writeMs: number;
  totalMs: number;
  latenciesMs: number[];
  publishStamps: number;
  brokerMessages: number;
  warmUpEvents: number;
  clockOffsetMs: number;
}

const eventsLibrary = join(repoRoot, 'libs/platform/events');
// The events library's own test schema: the shared outbox tables and nothing a service adds.
const eventsProject = prismaProject(join(eventsLibrary, 'test/prisma'), 'events');

/** Runs the driver from source and parses the JSON line it ends with; its stderr shows as it comes. */
async function runDriver(env: NodeJS.ProcessEnv): Promise<DriverOutput> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(eventsLibrary, 'bench/outbox-throughput.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.scripts.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [exitCode] = (await once(child, 'close')) as [number | null];
  if (exitCode !== 0) throw new Error(`the outbox driver exited with ${exitCode}`);
  // Its result is the last line; kafkajs warnings logged through Nest's logger come before it.
  const lines = stdout.trimEnd().split('\n');
  const result = lines.pop() as string;
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  return JSON.parse(result) as DriverOutput;
}

/**
 * Commit-to-acknowledgement figures of the transactional outbox: writers record events through
 * Outbox in ambient transactions on a database of the run's own while one OutboxRelay publishes
 * them to topics of the run's own, in the writers' process or in one of its own.
 */
export async function measureOutboxThroughput(load: OutboxLoad): Promise<OutboxResult> {
  // Generated clients are build output; a fresh checkout has none until the first test run.
  if (!existsSync(join(eventsProject.dir, 'generated/prisma/client.ts')))
    await generateClient(eventsProject);
  const database = await createBenchDatabase('events', eventsProject);
  try {
    const infra = infraSettings();
    const eventsPerTransaction =
      load.eventsPerTransaction === 'split'
        ? Math.ceil(load.events / load.writers)
        : load.eventsPerTransaction;
    const output = await runDriver({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.map(formatAddress).join(','),
      KAFKA_TOPIC_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      OUTBOX_EVENTS: String(load.events),
      OUTBOX_WRITERS: String(load.writers),
      OUTBOX_EVENTS_PER_TRANSACTION: String(eventsPerTransaction),
      OUTBOX_OFFERED_PER_SECOND: load.offeredPerSecond ? String(load.offeredPerSecond) : undefined,
      OUTBOX_RELAY_PROCESS: load.relayProcess,
      OUTBOX_RELAY_BATCH_SIZE: load.relayBatchSize ? String(load.relayBatchSize) : undefined,
    });
    const latencies = output.latenciesMs;
    return {
      ...load,
      eventsPerTransaction,
      partitions: output.settings.partitions,
      eventsPerSecond: (latencies.length * 1000) / output.totalMs,
      committedPerSecond: (latencies.length * 1000) / output.writeMs,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      maxMs: percentile(latencies, 1),
      eventsPerRelayBatch: latencies.length / output.publishStamps,
      brokerMessages: output.brokerMessages,
      warmUpEvents: output.warmUpEvents,
      clockOffsetMs: output.clockOffsetMs,
    };
  } finally {
    await database.drop();
  }
}
