import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Log } from '../component';
import { InfraError } from '../infra-error';
import { pollUntil } from '../poll';
import { isRunning, processStartTime, type ProcessIdentity } from './process-identity';

// Long enough for another `up` to finish a first Kafka download.
const waitForHolderMs = 15 * 60_000;

/** One infra command changes servers at a time, so two concurrent `up`s can never both start a Kafka. */
export async function withInfraLock<T>(
  lockFile: string,
  log: Log,
  work: () => Promise<T>,
): Promise<T> {
  await acquire(lockFile, log);
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

async function acquire(lockFile: string, log: Log): Promise<void> {
  mkdirSync(dirname(lockFile), { recursive: true });
  let announced = false;
  const acquired = await pollUntil(
    () => {
      if (tryLock(lockFile)) return true;
      const holder = lockHolder(lockFile);
      if (!holder || !isRunning(holder)) {
        rmSync(lockFile, { force: true });
        return tryLock(lockFile);
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
      `another infra command still holds ${lockFile}; wait for it or stop it`,
    );
  }
}

/** The lock file appears complete or not at all: it is written aside and hard-linked into place. */
function tryLock(lockFile: string): boolean {
  const holder: ProcessIdentity = {
    pid: process.pid,
    startTime: processStartTime(process.pid) ?? '',
  };
  const staged = `${lockFile}.${process.pid}`;
  writeFileSync(staged, JSON.stringify(holder));
  try {
    linkSync(staged, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(staged, { force: true });
  }
}

function lockHolder(lockFile: string): ProcessIdentity | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as ProcessIdentity;
  } catch {
    return undefined;
  }
}
