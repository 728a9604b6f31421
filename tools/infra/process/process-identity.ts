import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A pid alone can be reused once its process exits; pid plus start time names exactly one process. */
export interface ProcessIdentity {
  pid: number;
  startTime: string;
}

/** The kernel's start time of a live process, or undefined when it is gone (a zombie counts as gone). */
export function processStartTime(pid: number): string | undefined {
  return process.platform === 'linux' ? linuxStartTime(pid) : psStartTime(pid);
}

export function isRunning({ pid, startTime }: ProcessIdentity): boolean {
  return processStartTime(pid) === startTime;
}

function linuxStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name in parentheses may contain spaces; after it, state is field 3 and start time field 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[0] === 'Z' || fields[0] === 'X' ? undefined : fields[19];
}

function psStartTime(pid: number): string | undefined {
  let output: string;
  try {
    output = execFileSync('ps', ['-o', 'stat=,lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
  const [state, ...startTime] = output.split(/\s+/);
  return state.startsWith('Z') ? undefined : startTime.join(' ');
}
