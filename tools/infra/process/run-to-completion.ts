import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

export interface CommandRun {
  command: string;
  args: string[];
  /** Every line of output is appended here, so a failure can be read afterwards. */
  logFile: string;
  onLine?: (line: string) => void;
  cwd?: string;
  uid?: number;
  gid?: number;
}

/** Runs a one-off command (initdb, Maven, Kafka's storage tool) to the end and resolves with its exit code. */
export function runToCompletion({
  command,
  args,
  logFile,
  onLine,
  cwd,
  uid,
  gid,
}: CommandRun): Promise<number> {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd, uid, gid });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        log.write(`${line}\n`);
        onLine?.(line);
      });
    }
    child.once('error', (error) => log.end(() => reject(error)));
    child.once('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}
