import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * One of the benchmark's scripts in a child process, with this process's Node options (the
 * TypeScript loader) and environment plus `env`. It talks in lines on stdout: `expect` waits for
 * one the caller names, and every other line (log output) goes to our stderr, since our stdout
 * carries only the result.
 */
export class BenchProcess {
  private readonly waiting: { matches(line: string): boolean; resolve(line: string): void }[] = [];
  private readonly exited: Promise<unknown>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = once(child, 'exit');
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const waiter = this.waiting.find((candidate) => candidate.matches(line));
      if (!waiter) return void process.stderr.write(`${line}\n`);
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve(line);
    });
  }

  static start(script: string, env: NodeJS.ProcessEnv = {}): BenchProcess {
    const child = spawn(process.execPath, [...process.execArgv, join(__dirname, script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new BenchProcess(child);
  }

  /** The first line `matches` accepts, or an error if the process exits first. */
  expect(matches: (line: string) => boolean): Promise<string> {
    const line = new Promise<string>((resolve) => this.waiting.push({ matches, resolve }));
    const died = this.exited.then(() => {
      throw new Error(`the benchmark's child process exited with ${this.child.exitCode}`);
    });
    return Promise.race([line, died]);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}
