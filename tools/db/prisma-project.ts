import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { repoRoot } from '../workspace/paths';
import type { PrismaSchemaFile } from './schema-engine';

/**
 * One service's database as Prisma sees it: `prisma/<database>/` holds `prisma.config.ts`, the
 * `schema/` folder (every `.prisma` file in it is one schema) and `migrations/`.
 */
export interface PrismaProject {
  database: string;
  dir: string;
  configFile: string;
  schemaDir: string;
  migrationsDir: string;
}

export function prismaProject(dir: string, database = basename(dir)): PrismaProject {
  return {
    database,
    dir,
    configFile: join(dir, 'prisma.config.ts'),
    schemaDir: join(dir, 'schema'),
    migrationsDir: join(dir, 'migrations'),
  };
}

/** Every service database: the folders under prisma/ with a config, except shared fragments (`_*`). */
export function prismaProjects(prismaDir = join(repoRoot, 'prisma')): PrismaProject[] {
  if (!existsSync(prismaDir)) return [];
  return readdirSync(prismaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => prismaProject(join(prismaDir, entry.name)))
    .filter((project) => existsSync(project.configFile));
}

const searchedForProjects = ['prisma', 'apps', 'libs'];
const neverProjects = new Set(['node_modules', 'generated', 'dist', '.data', 'migrations']);

/**
 * Every Prisma project in the workspace, including test-only ones (e.g. libs/x/test/prisma/):
 * each needs its client generated and the shared models copied in, though only services deploy.
 */
export function allPrismaProjects(root = repoRoot): PrismaProject[] {
  const find = (dir: string): string[] => {
    if (!existsSync(dir)) return [];
    if (existsSync(join(dir, 'prisma.config.ts'))) return [dir];
    return readdirSync(dir, { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() && !neverProjects.has(entry.name) && !entry.name.startsWith('_'),
      )
      .flatMap((entry) => find(join(dir, entry.name)));
  };
  return searchedForProjects
    .flatMap((top) => find(join(root, top)))
    .sort()
    .map((dir) => prismaProject(dir));
}

export function schemaFiles(project: PrismaProject): PrismaSchemaFile[] {
  const files: PrismaSchemaFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.prisma')) {
        files.push({ path: relative(project.dir, path), content: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(project.schemaDir);
  return files;
}
