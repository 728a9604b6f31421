import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor } from './database-url';
import { createMigration, deployMigrations, pendingSchemaChange } from './migrations';
import { prismaProject, prismaProjects } from './prisma-project';

const header = `datasource db {\n  provider = "postgresql"\n}\n`;
const author = `model Author {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n`;
const withBio = author.replace('name String', 'name String\n  bio  String?');

// Compiling the engine and replaying migrations in a shadow database takes seconds, not milliseconds.
jest.setTimeout(60_000);

describe('migrations through the WebAssembly schema engine', () => {
  const database = `db_tool_${process.pid}`;
  const url = databaseUrlFor(database);
  const admin = new Client({ connectionString: databaseUrlFor('postgres') });
  let dir: string;

  const writeSchema = (models: string) =>
    writeFileSync(join(dir, 'schema', 'schema.prisma'), header + models);
  const project = () => prismaProject(dir, database);
  const tables = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Author' ORDER BY column_name`,
    );
    await client.end();
    return rows.map((row) => row.column_name);
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    dir = mkdtempSync(join(tmpdir(), 'capstone-db-'));
    mkdirSync(join(dir, 'schema'));
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the first migration from the schema and applies it once', async () => {
    writeSchema(author);
    const folder = await createMigration(project(), 'init', url, new Date('2026-01-02T03:04:05Z'));
    expect(folder).toBe('20260102030405_init');

    expect(await deployMigrations(project(), url)).toEqual(['20260102030405_init']);
    expect(await deployMigrations(project(), url)).toEqual([]);
    expect(await tables()).toEqual(['id', 'name']);
  });

  it('finds no pending change when the migrations describe the schema', async () => {
    expect(await pendingSchemaChange(project(), url)).toBe('');
  });

  it('detects a schema change without a migration and migrates only the difference', async () => {
    writeSchema(withBio);
    const pending = await pendingSchemaChange(project(), url);
    expect(pending).toMatch(/ALTER TABLE "Author" ADD COLUMN\s+"bio" TEXT/);
    expect(pending).not.toMatch(/CREATE TABLE/);

    const folder = await createMigration(
      project(),
      'Author bio!',
      url,
      new Date('2026-01-03T00:00:00Z'),
    );
    expect(folder).toBe('20260103000000_author_bio');
    expect(await deployMigrations(project(), url)).toEqual([folder]);
    expect(await tables()).toEqual(['bio', 'id', 'name']);
  });

  it('leaves no shadow database behind', async () => {
    const { rows } = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`,
    );
    expect(rows).toEqual([]);
  });
});

const services = prismaProjects();
// Until the first service has a schema there is nothing to compare.
(services.length > 0 ? describe : describe.skip)('the service schemas in prisma/', () => {
  it.each(services.map((p) => [p.database, p]))(
    '%s has a migration for every schema change',
    async (_name, project) => {
      expect(await pendingSchemaChange(project, databaseUrlFor('postgres'))).toBe('');
      expect(readdirSync(project.migrationsDir).length).toBeGreaterThan(0);
    },
  );
});
