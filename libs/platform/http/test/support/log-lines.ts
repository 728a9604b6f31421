import { setTimeout as delay } from 'node:timers/promises';

type LogLine = Record<string, unknown>;

/** A pino destination that keeps each JSON line for a test to read. */
export function logLines(): {
  write(line: string): void;
  lines: LogLine[];
  /** The first matching line; access lines are written once the response has finished. */
  waitFor(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
} {
  const lines: LogLine[] = [];
  return {
    lines,
    write: (line) => lines.push(JSON.parse(line)),
    async waitFor(matches, timeoutMs = 2000) {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await delay(10)) {
        const line = lines.find(matches);
        if (line) return line;
      }
      throw new Error(`no matching log line within ${timeoutMs} ms`);
    },
  };
}
