import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { sparePort } from '../infra';
import { pollUntil } from '../infra/poll';
import { call } from './loopback-http';

export interface ServiceProcess {
  url: string;
  /** Milliseconds from spawning the process to its first 200 on the readiness path. */
  readyAfterMs: number;
  /** Resident memory now, from /proc/<pid>/status (VmRSS). */
  residentBytes(): Promise<number>;
  /** CPU time used so far, user and system, all threads, from /proc/<pid>/stat. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

export interface ServiceProcessOptions {
  readyWithinMs?: number;
  /** Answers 200 once the process can serve; a service's is `/health/ready`. */
  readyPath?: string;
  /** Node's own flags, ahead of the entry point, e.g. `--cpu-prof` (which NODE_OPTIONS refuses). */
  nodeArguments?: string[];
}

async function residentBytesOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kilobytes === undefined) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(kilobytes) * 1024;
}

// /proc/<pid>/stat counts in USER_HZ, which Linux fixes at 100 for every architecture it reports to.
const TICKS_PER_SECOND = 100;

async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Runs an entry point in its own process, so the load generator does not share its event loop,
 * and resolves once the readiness path answers 200. Built JavaScript runs on plain Node, as in
 * production; a TypeScript entry (`tsconfig` given) runs from source through SWC.
 */
export async function startServiceProcess(
  main: string,
  tsconfig: string | undefined,
  env: NodeJS.ProcessEnv,
  {
    readyWithinMs = 60_000,
    readyPath = '/health/ready',
    nodeArguments = [],
  }: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const port = await sparePort();
  const spawnedAt = performance.now();
  const args = [...nodeArguments, ...(tsconfig ? ['-r', '@swc-node/register', main] : [main])];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), SWC_NODE_PROJECT: tsconfig },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  // Polled: readiness is only observable over HTTP. An exit ends the wait early.
  const ready = await pollUntil(
    async () =>
      child.exitCode !== null ||
      (await call({ url: url + readyPath }).then(
        ({ status }) => status === 200,
        () => false,
      )),
    { timeoutMs: readyWithinMs, intervalMs: 50 },
  );
  if (ready && child.exitCode === null) {
    const readyAfterMs = performance.now() - spawnedAt;
    const pid = child.pid as number;
    return {
      url,
      readyAfterMs,
      residentBytes: () => residentBytesOf(pid),
      cpuSeconds: () => cpuSecondsOf(pid),
      stop,
    };
  }
  await stop();
  throw new Error(
    `${main} did not become ready within ${readyWithinMs} ms (exit code ${child.exitCode})`,
  );
}
