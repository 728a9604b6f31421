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

export interface OutboxLoad {
  /** Events committed in total, by all writers together. */
  events: number;
  /** Writers each commit one transaction after another, so this many are open at once. */
  writers: number;
  eventsPerTransaction: number;
  /** The relay's batch size; left out, the library's default. */
  relayBatchSize?: number;
}

export interface OutboxResult extends OutboxLoad {
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
 * them to topics of the run's own, all in one process as inside a service.
 */
export async function measureOutboxThroughput(load: OutboxLoad): Promise<OutboxResult> {
  // Generated clients are build output; a fresh checkout has none until the first test run.
  if (!existsSync(join(eventsProject.dir, 'generated/prisma/client.ts')))
    await generateClient(eventsProject);
  const database = await createBenchDatabase('events', eventsProject);
  try {
    const infra = infraSettings();
    const output = await runDriver({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.map(formatAddress).join(','),
      KAFKA_TOPIC_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      OUTBOX_EVENTS: String(load.events),
      OUTBOX_WRITERS: String(load.writers),
      OUTBOX_EVENTS_PER_TRANSACTION: String(load.eventsPerTransaction),
      OUTBOX_RELAY_BATCH_SIZE: load.relayBatchSize ? String(load.relayBatchSize) : undefined,
    });
    const latencies = output.latenciesMs;
    return {
      ...load,
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
