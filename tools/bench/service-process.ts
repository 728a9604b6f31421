import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { call } from './load-generator';

export interface ServiceProcess {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now, for a child process to take. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Runs a service from source in its own process, so the load generator does not share its event
 * loop, and resolves once `/health/ready` answers 200.
 */
export async function startServiceProcess(
  main: string,
  tsconfig: string,
  env: NodeJS.ProcessEnv,
  { readyWithinMs = 60_000 } = {},
): Promise<ServiceProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', main], {
    env: { ...process.env, ...env, PORT: String(port), SWC_NODE_PROJECT: tsconfig },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const ready = await call({ url: `${url}/health/ready` }).then(
      ({ status }) => status === 200,
      () => false,
    );
    if (ready) return { url, stop };
    await delay(250);
  }
  await stop();
  throw new Error(
    `${main} did not become ready within ${readyWithinMs} ms (exit code ${child.exitCode})`,
  );
}
