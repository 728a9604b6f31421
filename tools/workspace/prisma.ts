import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { binary, runCommand } from './command';
import { repoRoot } from './paths';

/** A service's Prisma project: `prisma/<database>/prisma.config.ts` next to its schema and migrations. */
export interface PrismaProject {
  database: string;
  configFile: string;
}

export function prismaProjects(root = repoRoot): PrismaProject[] {
  const prismaDir = join(root, 'prisma');
  if (!existsSync(prismaDir)) return [];
  return readdirSync(prismaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => ({ database: entry.name, configFile: join(prismaDir, entry.name, 'prisma.config.ts') }))
    .filter((project) => existsSync(project.configFile));
}

/** The same server as DATABASE_URL, pointed at one service's database. */
export function databaseUrlFor(database: string, serverUrl = process.env.DATABASE_URL): string {
  const url = new URL(serverUrl ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function prismaEach(args: string[], projects: PrismaProject[]): Promise<void> {
  for (const project of projects) {
    const result = await runCommand(binary('prisma'), [...args, '--config', project.configFile], {
      env: { DATABASE_URL: databaseUrlFor(project.database) },
    });
    if (result.exitCode !== 0) {
      throw new Error(`prisma ${args.join(' ')} failed for the ${project.database} database`);
    }
  }
}

/** Generated clients are build output (never committed), so every run of the tools regenerates them. */
export function generatePrismaClients(projects = prismaProjects()): Promise<void> {
  return prismaEach(['generate'], projects);
}

export function migrateDatabases(projects = prismaProjects()): Promise<void> {
  return prismaEach(['migrate', 'deploy'], projects);
}

/** Demo data is optional per service: `prisma/<database>/seed.ts`, wired as `migrations.seed` in its config. */
export function seedDatabases(projects = prismaProjects()): Promise<void> {
  const seeded = projects.filter((project) => existsSync(join(project.configFile, '..', 'seed.ts')));
  return prismaEach(['db', 'seed'], seeded);
}
