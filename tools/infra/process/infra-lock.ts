import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Log } from '../component';
import { InfraError } from '../infra-error';
import { infraPaths } from '../infra-paths';
import { pollUntil } from '../poll';
import { isRunning, processStartTime, type ProcessIdentity } from './process-identity';

// Long enough for another `up` to finish a first Kafka download.
const waitForHolderMs = 15 * 60_000;

/** One infra command changes servers at a time, so two concurrent `up`s can never both start a Kafka. */
export async function withInfraLock<T>(log: Log, work: () => Promise<T>): Promise<T> {
  await acquire(log);
  try {
    return await work();
  } finally {
    rmSync(infraPaths.lockFile, { force: true });
  }
}

async function acquire(log: Log): Promise<void> {
  mkdirSync(dirname(infraPaths.lockFile), { recursive: true });
  let announced = false;
  const acquired = await pollUntil(
    () => {
      if (tryLock()) return true;
      const holder = lockHolder();
      if (!holder || !isRunning(holder)) {
        rmSync(infraPaths.lockFile, { force: true });
        return tryLock();
      }
      if (!announced) log(`waiting for another infra command (pid ${holder.pid}) to finish`);
      announced = true;
      return false;
    },
    { timeoutMs: waitForHolderMs, intervalMs: 250 },
  );
  if (!acquired) {
    throw new InfraError(
      'LOCKED',
      `another infra command still holds ${infraPaths.lockFile}; wait for it or stop it`,
    );
  }
}

/** The lock file appears complete or not at all: it is written aside and hard-linked into place. */
function tryLock(): boolean {
  const holder: ProcessIdentity = {
    pid: process.pid,
    startTime: processStartTime(process.pid) ?? '',
  };
  const staged = `${infraPaths.lockFile}.${process.pid}`;
  writeFileSync(staged, JSON.stringify(holder));
  try {
    linkSync(staged, infraPaths.lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(staged, { force: true });
  }
}

function lockHolder(): ProcessIdentity | undefined {
  try {
    return JSON.parse(readFileSync(infraPaths.lockFile, 'utf8')) as ProcessIdentity;
  } catch {
    return undefined;
  }
}
