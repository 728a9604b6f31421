import { testKafkaClient } from '../kafka/test-kafka-client';
import { onMaintenanceDatabase } from '../postgres/maintenance-database';
import { creatorPidOf } from '../test-names';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A test resource whose creating process has gone: a run that crashed or was interrupted. */
export function isLeftover(name: string, running: (pid: number) => boolean = isRunning): boolean {
  const pid = creatorPidOf(name);
  return pid !== undefined && !running(pid);
}

/**
 * Test files drop their databases and the broker keeps their topics; a crashed or interrupted run
 * leaves both behind. Each run clears what earlier, finished runs left, so a long-lived development
 * broker and server do not fill up; what a run still going owns is never touched.
 */
export async function sweepTestLeftovers(): Promise<{ databases: number; topics: number }> {
  const databases = await onMaintenanceDatabase(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'`,
    );
    const leftovers = rows.map((row) => row.datname).filter((name) => isLeftover(name));
    for (const name of leftovers)
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return leftovers;
  });

  const kafkaAdmin = testKafkaClient('test-sweeper').admin();
  await kafkaAdmin.connect();
  try {
    const topics = (await kafkaAdmin.listTopics()).filter(
      (name) => name.startsWith('test.') && isLeftover(name),
    );
    if (topics.length > 0) await kafkaAdmin.deleteTopics({ topics, timeout: 30_000 });
    return { databases: databases.length, topics: topics.length };
  } finally {
    await kafkaAdmin.disconnect();
  }
}
