import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { InfraError } from '../infra-error';
import { pollUntil } from '../poll';
import { tailOf } from './log-tail';
import { isRunning, processStartTime, type ProcessIdentity } from './process-identity';

export interface ProcessLaunch {
  command: string;
  args: string[];
  logFile: string;
  /** The signal that asks this server for a clean shutdown. */
  stopSignal: NodeJS.Signals;
  cwd?: string;
  uid?: number;
  gid?: number;
}

export interface ManagedProcess extends ProcessIdentity {
  command: string;
  logFile: string;
  stopSignal: NodeJS.Signals;
  startedAt: string;
}

/** Starts a server that outlives this Node process: its own process group, its output appended to its log. */
export function launchDetached(launch: ProcessLaunch): ManagedProcess {
  mkdirSync(dirname(launch.logFile), { recursive: true });
  const output = openSync(launch.logFile, 'a');
  const startedAt = new Date().toISOString();
  let pid: number | undefined;
  try {
    writeSync(
      output,
      `\n=== ${startedAt} capstone starts ${launch.command} ${launch.args.join(' ')}\n`,
    );
    const child = spawn(launch.command, launch.args, {
      detached: true,
      stdio: ['ignore', output, output],
      cwd: launch.cwd,
      uid: launch.uid,
      gid: launch.gid,
    });
    // A failed spawn leaves pid undefined, which is reported below; the event itself needs no handling.
    child.once('error', () => undefined);
    child.unref();
    pid = child.pid;
  } finally {
    closeSync(output);
  }
  const startTime = pid === undefined ? undefined : processStartTime(pid);
  if (pid === undefined || startTime === undefined) {
    throw new InfraError(
      'START_FAILED',
      `${launch.command} exited at once. ${launch.logFile} ends with:\n${tailOf(launch.logFile)}`,
    );
  }
  return {
    pid,
    startTime,
    command: launch.command,
    logFile: launch.logFile,
    stopSignal: launch.stopSignal,
    startedAt,
  };
}

/** Asks for a clean shutdown, and kills the process only if it ignores that for the whole grace period. */
export async function stopProcess(managed: ManagedProcess, graceMs = 60_000): Promise<void> {
  signal(managed, managed.stopSignal);
  if (await pollUntil(() => !isRunning(managed), { timeoutMs: graceMs })) return;
  signal(managed, 'SIGKILL');
  await pollUntil(() => !isRunning(managed), { timeoutMs: 10_000 });
}

function signal(managed: ManagedProcess, name: NodeJS.Signals): void {
  if (!isRunning(managed)) return;
  try {
    process.kill(managed.pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
