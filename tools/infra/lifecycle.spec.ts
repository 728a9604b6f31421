import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { infraDown, infraStatus, infraUp, serviceDatabases } from './index';
import { isListening } from './network';
import { infraSettings } from './settings';
import { scratchInfra, sparePort, type ScratchInfra } from './testing/scratch-infra';

// The test runner brings infrastructure up before Jest, but on a cold machine this run may download Kafka and S3Mock.
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

async function postgresAnswers(serverUrl: URL): Promise<boolean> {
  const client = new Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one === 1;
  } finally {
    await client.end();
  }
}

async function redisAnswers(serverUrl: URL): Promise<boolean> {
  const client = new Redis(serverUrl.toString(), {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.ping()) === 'PONG';
  } finally {
    client.disconnect();
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
    'leaves Postgres, Redis, Kafka and S3 healthy',
    async () => {
      const { statuses } = await infraUp({ log: quiet });
      expect(statuses.map(({ component, healthy }) => ({ component, healthy }))).toEqual([
        { component: 'postgres', healthy: true },
        { component: 'redis', healthy: true },
        { component: 'kafka', healthy: true },
        { component: 's3', healthy: true },
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

describe('infraDown', () => {
  // The machine's own servers, which up finds and uses: down must leave them running.
  const external = infraSettings();
  let scratch: ScratchInfra;

  beforeEach(() => {
    scratch = scratchInfra();
  });

  afterEach(() => scratch.remove(), 90_000);

  function managers(statuses: { component: string; managedBy: string }[]) {
    return statuses.map(({ component, managedBy }) => ({ component, managedBy }));
  }

  it('stops the Redis that up started and leaves the external Postgres answering', async () => {
    const port = await sparePort();
    const settings = {
      databaseUrl: external.databaseUrl,
      redisUrl: new URL(`redis://127.0.0.1:${port}`),
      dataDir: scratch.dataDir,
    };
    const up = await scratch.up({
      only: ['postgres', 'redis'],
      settings,
      prismaDir: scratch.prismaDir,
      log: quiet,
    });
    expect(managers(up.statuses)).toEqual([
      { component: 'postgres', managedBy: 'external' },
      { component: 'redis', managedBy: 'capstone' },
    ]);

    expect(await infraDown({ settings, log: quiet })).toEqual(['redis']);

    expect(await isListening({ host: '127.0.0.1', port })).toBe(false);
    expect(await postgresAnswers(external.databaseUrl)).toBe(true);
  }, 30_000);

  it('stops the Postgres that up started and leaves the external Redis answering', async () => {
    const port = await sparePort();
    const settings = {
      databaseUrl: new URL(`postgresql://postgres@127.0.0.1:${port}/postgres`),
      redisUrl: external.redisUrl,
      dataDir: scratch.dataDir,
    };
    const up = await scratch.up({
      only: ['postgres', 'redis'],
      settings,
      prismaDir: scratch.prismaDir,
      log: quiet,
    });
    expect(managers(up.statuses)).toEqual([
      { component: 'postgres', managedBy: 'capstone' },
      { component: 'redis', managedBy: 'external' },
    ]);

    expect(await infraDown({ settings, log: quiet })).toEqual(['postgres']);

    expect(await isListening({ host: '127.0.0.1', port })).toBe(false);
    expect(await redisAnswers(external.redisUrl)).toBe(true);
  }, 90_000);
});
