import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { repoRoot } from '../workspace/paths';

export interface Machine {
  node: string;
  cpus: number;
}

/** What a report names as the machine: figures from 2 cores and from 16 are not comparable. */
export function machine(): Machine {
  return { node: process.version, cpus: availableParallelism() };
}

/** The commit measured, short: the figures describe the code as it was there. */
export function measuredCommit(): string {
  return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
}
