import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { binary, runCommand } from '../workspace/command';
import { generateClient } from './client-generator';
import { databaseUrlFor } from './database-url';
import { deployMigrations } from './migrations';
import { prismaProjects, type PrismaProject } from './prisma-project';

export { generateClient } from './client-generator';
export { databaseUrlFor } from './database-url';
export { createMigration, deployMigrations, migrationList, pendingSchemaChange } from './migrations';
export { allPrismaProjects, prismaProject, prismaProjects, schemaFiles, type PrismaProject } from './prisma-project';

type Log = (line: string) => void;

export async function generateClients(projects: PrismaProject[] = prismaProjects(), log: Log = console.log): Promise<void> {
  for (const project of projects) {
    log(`generating the ${project.database} client`);
    await generateClient(project);
  }
}

export async function deployAll(projects: PrismaProject[] = prismaProjects(), log: Log = console.log): Promise<void> {
  for (const project of projects) {
    const applied = await deployMigrations(project, databaseUrlFor(project.database));
    log(`${project.database}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`);
  }
}

/** Demo data is optional per service: `prisma/<database>/seed.ts`, idempotent so every start may run it. */
export async function seedAll(projects: PrismaProject[] = prismaProjects(), log: Log = console.log): Promise<void> {
  for (const project of projects.filter((p) => existsSync(join(p.dir, 'seed.ts')))) {
    log(`seeding ${project.database}`);
    const { exitCode } = await runCommand(binary('tsx'), [join(project.dir, 'seed.ts')], {
      env: { DATABASE_URL: databaseUrlFor(project.database) },
    });
    if (exitCode !== 0) throw new Error(`seeding the ${project.database} database failed`);
  }
}
