import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const tailBytes = 64 * 1024;

/** The last lines of a log, for error messages that explain why a server did not come up. */
export function tailOf(file: string, lines = 30): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return `(nothing was written to ${file})`;
  }
  try {
    const { size } = fstatSync(fd);
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}
