import { spawn } from 'node:child_process';
import { repoRoot } from './paths';

export interface CommandResult {
  exitCode: number;
  output: string;
}

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  /** Keep a copy of the output for the caller; it is always streamed to the terminal too. */
  capture?: boolean;
}

/** Runs a workspace binary (from node_modules/.bin) with inherited stdio and resolves with its exit code. */
export function runCommand(
  command: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      shell: false,
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, output }));
  });
}

/** Path of a binary installed in the workspace's node_modules. */
export function binary(name: string): string {
  return `${repoRoot}/node_modules/.bin/${name}`;
}
