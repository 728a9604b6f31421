import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { infraStatus, infraUp, serviceDatabases } from './index';
import { infraSettings } from './settings';

// The test runner brings infrastructure up before Jest, but on a cold machine this run may download Kafka.
const coldStartMs = 15 * 60_000;
const quiet = () => undefined;

async function databaseExists(database: string): Promise<boolean> {
  const client = new Client({ connectionString: infraSettings().databaseUrl.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

async function dropDatabase(database: string): Promise<void> {
  const client = new Client({ connectionString: infraSettings().databaseUrl.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

describe('infraUp', () => {
  it(
    'leaves Postgres, Redis and Kafka healthy',
    async () => {
      const { statuses } = await infraUp({ log: quiet });
      expect(statuses.map(({ component, healthy }) => ({ component, healthy }))).toEqual([
        { component: 'postgres', healthy: true },
        { component: 'redis', healthy: true },
        { component: 'kafka', healthy: true },
      ]);
    },
    coldStartMs,
  );

  it(
    'starts nothing when everything is already running',
    async () => {
      await infraUp({ log: quiet });
      const { startedNow, statuses } = await infraUp({ log: quiet });
      expect(startedNow).toEqual([]);
      expect(statuses.every((status) => status.healthy)).toBe(true);
    },
    coldStartMs,
  );

  describe('when a service schema appears under prisma/', () => {
    const database = `infra_spec_${process.pid}_${Date.now().toString(36)}`;
    let prismaDir: string;

    beforeAll(() => {
      prismaDir = mkdtempSync(join(tmpdir(), 'capstone-prisma-'));
      mkdirSync(join(prismaDir, database));
      writeFileSync(join(prismaDir, database, 'prisma.config.ts'), 'export default {};\n');
    });

    afterAll(async () => {
      await dropDatabase(database);
      rmSync(prismaDir, { recursive: true, force: true });
    });

    it('reports its database missing until up creates it', async () => {
      expect(serviceDatabases(prismaDir)).toEqual([database]);
      const before = (await infraStatus({ prismaDir })).find(
        (status) => status.component === 'postgres',
      );
      expect(before).toMatchObject({ healthy: false, detail: `missing databases: ${database}` });
      expect(before?.managedBy).not.toBe('none');

      const lines: string[] = [];
      const { startedNow } = await infraUp({ prismaDir, log: (line) => lines.push(line) });

      expect(startedNow).toEqual([]);
      expect(lines).toContain(`postgres: created database ${database}`);
      expect(await databaseExists(database)).toBe(true);
      const after = (await infraStatus({ prismaDir })).find(
        (status) => status.component === 'postgres',
      );
      expect(after).toMatchObject({ healthy: true });
    });

    it('leaves an existing database alone on the next up', async () => {
      const lines: string[] = [];
      await infraUp({ prismaDir, log: (line) => lines.push(line) });
      expect(lines.filter((line) => line.includes('created database'))).toEqual([]);
      expect(await databaseExists(database)).toBe(true);
    });
  });
});
