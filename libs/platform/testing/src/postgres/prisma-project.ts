import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../infrastructure/workspace-tools';

/** A folder with `prisma.config.ts`, a `schema/` folder and `migrations/`, as every service has under prisma/. */
export interface PrismaProject {
  /** Short and lowercase: it names the test databases cloned for the project. */
  name: string;
  dir: string;
}

export function servicePrismaProject(database: string): PrismaProject {
  return { name: database, dir: join(repoRoot, 'prisma', database) };
}

/** Each migration's SQL in the order Prisma applies them (folder names start with a timestamp). */
export function migrationScripts(project: PrismaProject): { name: string; sql: string }[] {
  const migrationsDir = join(project.dir, 'migrations');
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') }));
}
