import { Client } from 'pg';
import type { ComponentDriver, Health, Log } from '../component';
import { unhealthy } from '../health';
import type { InfraPaths } from '../infra-paths';
import { formatAddress } from '../network';
import { embeddedPostgresLaunch } from './embedded-postgres';

const duplicateDatabase = '42P04';

export function postgresDriver(
  serverUrl: URL,
  databases: string[],
  paths: InfraPaths,
): ComponentDriver {
  const address = { host: serverUrl.hostname, port: Number(serverUrl.port || 5432) };
  return {
    component: 'postgres',
    endpoint: formatAddress(address),
    address,
    startupTimeoutMs: 60_000,
    probe: () => probePostgres(serverUrl, databases),
    launch: (log) => embeddedPostgresLaunch(serverUrl, paths, log),
    provision: (log) => createServiceDatabases(serverUrl, databases, log),
  };
}

async function probePostgres(serverUrl: URL, databases: string[]): Promise<Health> {
  try {
    return await withClient(serverUrl, async (client) => {
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      const missing = await missingDatabases(client, databases);
      if (missing.length > 0)
        return { healthy: false, detail: `missing databases: ${missing.join(', ')}` };
      const owned =
        databases.length > 0 ? `databases: ${databases.join(', ')}` : 'no service databases yet';
      return { healthy: true, detail: `PostgreSQL ${rows[0].server_version}, ${owned}` };
    });
  } catch (error) {
    return unhealthy(error);
  }
}

/** Database per service: creating one that exists is a no-op, even when another process races us to it. */
async function createServiceDatabases(
  serverUrl: URL,
  databases: string[],
  log: Log,
): Promise<void> {
  await withClient(serverUrl, async (client) => {
    for (const database of await missingDatabases(client, databases)) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
        log(`postgres: created database ${database}`);
      } catch (error) {
        if ((error as { code?: string }).code !== duplicateDatabase) throw error;
      }
    }
  });
}

async function missingDatabases(client: Client, databases: string[]): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname = ANY($1::text[])',
    [databases],
  );
  const existing = new Set(rows.map((row) => row.datname));
  return databases.filter((database) => !existing.has(database));
}

async function withClient<T>(serverUrl: URL, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    connectionString: serverUrl.toString(),
    connectionTimeoutMillis: 2_000,
  });
  // Failures reach us through the awaited calls; an idle-connection error must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
