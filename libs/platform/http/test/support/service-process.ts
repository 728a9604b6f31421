import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../../../..');

/** A service started as its own Node.js process, from TypeScript, with output a test can wait on. */
export class ServiceProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(entry: string, environment: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['-r', require.resolve('@swc-node/register'), entry], {
      // Outside the workspace, so a developer's .env does not leak into the test.
      cwd: __dirname,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json'),
        ...environment,
      },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolveExit) =>
      this.child.once('exit', (code) => resolveExit(code)),
    );
  }

  /** Resolves once standard output contains `text`; rejects at the deadline or if the process exits first. */
  waitForOutput(text: string, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolveOutput, reject) => {
      const check = () => {
        if (!this.stdout.includes(text)) return;
        stop();
        resolveOutput();
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`"${text}" not printed within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      const onExit = () => {
        stop();
        reject(new Error(`exited before printing "${text}"; stderr: ${this.stderr}`));
      };
      const stop = () => {
        clearTimeout(timer);
        this.child.stdout?.off('data', check);
        this.child.off('exit', onExit);
      };
      this.child.stdout?.on('data', check);
      this.child.once('exit', onExit);
      check();
    });
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Test clean-up: whatever state it is in, the process is gone afterwards. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
