import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';

type QueryResultLike = { fields?: { dataTypeID: number }[] };
const PG_CHAR = 18;
const PG_TEXT = 25;

function charColumnsAsText<T>(result: T): T {
  for (const part of (Array.isArray(result) ? result : [result]) as QueryResultLike[]) {
    for (const field of part?.fields ?? [])
      if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  }
  return result;
}

/**
 * The schema engine reads Postgres catalogs whose flag columns have the one-byte `"char"` type,
 * which the pg driver adapter (built for application queries) refuses. The values already arrive
 * as strings, so reporting the columns as text is all the engine needs.
 */
class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (error: Error | null, result?: unknown) => void;
      args[callbackIndex] = (error: Error | null, result?: unknown) =>
        callback(error, result && charColumnsAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return (pending instanceof Promise ? pending.then(charColumnsAsText) : pending) as never;
  }
}

function poolConfig(databaseUrl: string): pg.PoolConfig {
  // Discrete fields rather than a connection string, so a shadow database can override `database`.
  const { host, port, user, password, database } = parseConnectionString(databaseUrl);
  return {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? undefined,
    Client: CatalogFriendlyClient,
  };
}

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(text: string): Promise<unknown> };
};

/**
 * The pg adapter runs a script by splitting it at every `;`, which cuts a `$$`-quoted function
 * body (a trigger) apart. Postgres's simple query protocol takes the whole script at once, as the
 * native schema engine sends it; errors still surface through the adapter's own error mapping.
 */
function runScriptsWhole<T extends object>(adapter: T): T {
  const runner = adapter as unknown as ScriptRunner & { onError(error: unknown): never };
  runner.executeScript = async (script) => {
    try {
      await runner.underlyingDriver().query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  return adapter;
}

/**
 * The driver adapter the schema engine migrates through. Its shadow database (where migrations are
 * replayed to compute the next one) is dropped with FORCE once released, so a pool that has not yet
 * let go of its last connection cannot leave it behind.
 */
export class MigrationAdapterFactory extends PrismaPg {
  private readonly poolConfig: pg.PoolConfig;
  private readonly open = new Set<{ dispose(): Promise<void> }>();

  constructor(databaseUrl: string) {
    const config = poolConfig(databaseUrl);
    super(config);
    this.poolConfig = config;
  }

  /** Freeing the engine does not release its connections (or the advisory lock one of them holds). */
  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = runScriptsWhole(await super.connect());
    const release = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      this.open.delete(adapter);
      await release();
    };
    this.open.add(adapter);
    return adapter;
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((adapter) => adapter.dispose()));
  }

  override async connectToShadowDb(): Promise<
    SqlDriverAdapter & Awaited<ReturnType<PrismaPg['connect']>>
  > {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = runScriptsWhole(await new PrismaPg({ ...this.poolConfig, database }).connect());
    const release = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await release();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}
