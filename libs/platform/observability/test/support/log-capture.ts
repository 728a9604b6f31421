import { EventEmitter } from 'node:events';

export type LogLine = Record<string, unknown>;

/** A pino destination that keeps every JSON line, so tests can read what a service logged. */
export class LogCapture extends EventEmitter {
  readonly lines: LogLine[] = [];

  write(line: string): void {
    const entry = JSON.parse(line) as LogLine;
    this.lines.push(entry);
    this.emit('line', entry);
  }

  /** The first line that matches, waiting for it until the deadline. */
  waitFor(matches: (line: LogLine) => boolean, timeoutMs = 2000): Promise<LogLine> {
    const logged = this.lines.find(matches);
    if (logged) return Promise.resolve(logged);
    return new Promise((resolve, reject) => {
      const onLine = (line: LogLine) => {
        if (!matches(line)) return;
        clearTimeout(timer);
        this.off('line', onLine);
        resolve(line);
      };
      const timer = setTimeout(() => {
        this.off('line', onLine);
        reject(new Error(`no matching log line within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('line', onLine);
    });
  }
}
