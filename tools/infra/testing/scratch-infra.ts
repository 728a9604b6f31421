import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { components, type UpResult } from '../component';
import { infraPaths } from '../infra-paths';
import { infraDown, infraUp, type UpOptions } from '../lifecycle';
import { isRunning } from '../process/process-identity';
import type { ManagedProcess } from '../process/detached-process';
import { processRegistry } from '../process/process-registry';

export const quiet = () => undefined;

/** A loopback port nothing listens on: the kernel picks a free one, which is released at once for the test to use. */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PATH without the folders that hold `program`: how a test shows what happens where it is not installed. */
export function pathWithout(program: string): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !existsSync(join(dir, program)))
    .join(delimiter);
}

/** A data dir and prisma/ folder of a test's own, so what it starts is recorded, logged and stored apart from .data/. */
export interface ScratchInfra {
  dataDir: string;
  /** Empty until addService: then `up` creates no databases on a shared server. */
  prismaDir: string;
  /** A service schema folder, whose database `up` must create. */
  addService(name: string): void;
  /** `infraUp` in this data dir; what it starts is remembered, so remove() stops it even if `down` does not. */
  up(options: UpOptions): Promise<UpResult>;
  /** Stops whatever `up` started in this data dir (killing it if `down` fails to), then deletes it. */
  remove(): Promise<void>;
}

export function scratchInfra(): ScratchInfra {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'capstone-infra-')));
  // As root, the embedded Postgres runs as the postgres OS user, which must reach its cluster in here.
  chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  const prismaDir = join(root, 'prisma');
  mkdirSync(prismaDir);
  const registry = processRegistry(infraPaths(dataDir).registryFile);
  const started: ManagedProcess[] = [];
  const rememberStarted = () =>
    started.push(...components.flatMap((component) => registry.recorded(component) ?? []));
  return {
    dataDir,
    prismaDir,
    addService(name) {
      mkdirSync(join(prismaDir, name));
      writeFileSync(join(prismaDir, name, 'prisma.config.ts'), 'export default {};\n');
    },
    async up(options) {
      try {
        return await infraUp({ ...options, settings: { ...options.settings, dataDir } });
      } finally {
        rememberStarted();
      }
    },
    async remove() {
      rememberStarted();
      try {
        await infraDown({ settings: { dataDir }, log: quiet });
      } finally {
        for (const server of started.filter(isRunning)) process.kill(server.pid, 'SIGKILL');
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
