import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { schemaFiles, type PrismaProject } from './prisma-project';
import { noFilters, withSchemaEngine, type SchemaEngine } from './schema-engine';

const LOCKFILE = 'migration_lock.toml';
const LOCKFILE_CONTENT =
  '# Written by tools/db; the provider cannot change without resetting migrations.\nprovider = "postgresql"\n';

/** The migrations folder in the shape the schema engine reads, in the order Prisma applies them. */
export function migrationList(project: PrismaProject): MigrationList {
  const names = existsSync(project.migrationsDir)
    ? readdirSync(project.migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockfile = join(project.migrationsDir, LOCKFILE);
  return {
    baseDir: project.migrationsDir,
    // A project without migrations yet has no lockfile; every Capstone database is PostgreSQL.
    lockfile: {
      path: LOCKFILE,
      content: existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : LOCKFILE_CONTENT,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = join(project.migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

function withEngine<T>(
  project: PrismaProject,
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  return withSchemaEngine(databaseUrl, schemaFiles(project), work);
}

/** `prisma migrate deploy`: applies pending migrations and records them in `_prisma_migrations`. */
export function deployMigrations(project: PrismaProject, databaseUrl: string): Promise<string[]> {
  return withEngine(project, databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: migrationList(project),
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that takes the migrations' end state to the schema, computed by replaying the migrations
 * in a throw-away shadow database; empty when the migrations already describe the schema.
 */
export function pendingSchemaChange(project: PrismaProject, databaseUrl: string): Promise<string> {
  return withEngine(project, databaseUrl, async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: 'migrations', ...migrationList(project) },
      to: { tag: 'schemaDatamodel', files: schemaFiles(project) },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return isEmptyMigration(stdout ?? '') ? '' : (stdout ?? '');
  });
}

function isEmptyMigration(sql: string): boolean {
  return sql.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}

/** Writes `migrations/<UTC timestamp>_<name>/migration.sql` for the pending change, if there is one. */
export async function createMigration(
  project: PrismaProject,
  name: string,
  databaseUrl: string,
  now = new Date(),
): Promise<string | undefined> {
  const sql = await pendingSchemaChange(project, databaseUrl);
  if (sql === '') return undefined;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = `${stamp}_${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
  mkdirSync(join(project.migrationsDir, folder), { recursive: true });
  writeFileSync(join(project.migrationsDir, folder, 'migration.sql'), sql);
  writeFileSync(join(project.migrationsDir, LOCKFILE), LOCKFILE_CONTENT);
  return folder;
}
