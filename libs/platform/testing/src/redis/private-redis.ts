import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sparePort, startComponent, stopComponent } from '../infrastructure/workspace-tools';

/**
 * A redis-server of one test's own on a spare port, run by the same tooling as `npm run infra`,
 * so a test can take Redis away from a service without touching the Redis everyone shares.
 */
export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port, as after an outage. */
  start(): Promise<void>;
  /** Stops it for good and deletes its data dir. */
  remove(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dataDir = mkdtempSync(join(tmpdir(), 'capstone-private-redis-'));
  const redisUrl = new URL(`redis://127.0.0.1:${await sparePort()}`);
  const options = { settings: { redisUrl, dataDir }, log: () => undefined };
  const server: PrivateRedis = {
    url: redisUrl.toString(),
    async start() {
      const status = await startComponent('redis', options);
      if (!status.healthy) throw new Error(`private Redis did not start: ${status.detail}`);
    },
    async stop() {
      await stopComponent('redis', options);
    },
    async remove() {
      try {
        await server.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  await server.start();
  return server;
}
