import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from '../workspace/paths';

const colours = [36, 35, 33, 32, 34, 31, 96, 95];

/** Runs the services side by side, each line prefixed with its name so interleaved logs stay readable. */
export class ServiceSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  start(name: string, entry: string, env: NodeJS.ProcessEnv): void {
    // A start-up that Ctrl-C overtook must not leave a service behind the shutdown.
    if (this.stopping) return;
    const prefix = `\x1b[${colours[this.children.size % colours.length]}m${name.padEnd(22)}\x1b[0m│ `;
    const child = spawn(process.execPath, ['--enable-source-maps', entry], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C reaches only this supervisor, which then stops each service
      // with one SIGTERM (a second signal would make a service skip draining).
      detached: true,
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(prefix + line));
    }
    child.on('exit', (code, signal) => {
      this.children.delete(name);
      if (!this.stopping) console.log(`${prefix}exited (${signal ?? `code ${code}`})`);
    });
    this.children.set(name, child);
  }

  /** Last resort if the supervisor itself dies: no service outlives it. */
  killAll(): void {
    for (const child of this.children.values()) child.kill('SIGKILL');
  }

  /** SIGTERM lets each service drain in-flight work; stragglers are killed after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
