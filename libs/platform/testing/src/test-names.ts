import { randomBytes } from 'node:crypto';

/**
 * Short and unique across parallel Jest workers and repeated runs: databases, topics and key
 * prefixes use it. It starts with the worker's pid, so leftovers of a crashed run can be told
 * from those of a run still going (see `sweepTestLeftovers`).
 */
export function uniqueTestId(): string {
  return `${process.pid.toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** The pid a name made with `uniqueTestId` was made by, if the name holds one. */
export function creatorPidOf(name: string): number | undefined {
  const match = /(?:^|[._])([0-9a-z]+)_[0-9a-f]{8}(?:$|[._:])/.exec(name);
  return match ? parseInt(match[1], 36) : undefined;
}
