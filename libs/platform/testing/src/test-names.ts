import { randomBytes } from 'node:crypto';

/** Short and unique across parallel Jest workers and repeated runs: databases, topics and key prefixes use it. */
export function uniqueTestId(): string {
  return `${process.pid.toString(36)}${randomBytes(4).toString('hex')}`;
}
