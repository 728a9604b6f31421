import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../workspace/command';
import { repoRoot } from '../workspace/paths';
import { generateClient } from './client-generator';
import { databaseUrlFor } from './database-url';
import { deployMigrations } from './migrations';
import { prismaProjects, type PrismaProject } from './prisma-project';

export { generateClient } from './client-generator';
export { databaseUrlFor } from './database-url';
export {
  createMigration,
  deployMigrations,
  migrationList,
  pendingSchemaChange,
} from './migrations';
export {
  allPrismaProjects,
  prismaProject,
  prismaProjects,
  schemaFiles,
  type PrismaProject,
} from './prisma-project';

type Log = (line: string) => void;

export async function generateClients(
  projects: PrismaProject[] = prismaProjects(),
  log: Log = console.log,
): Promise<void> {
  for (const project of projects) {
    log(`generating the ${project.database} client`);
    await generateClient(project);
  }
}

export async function deployAll(
  projects: PrismaProject[] = prismaProjects(),
  log: Log = console.log,
): Promise<void> {
  for (const project of projects) {
    const applied = await deployMigrations(project, databaseUrlFor(project.database));
    log(
      `${project.database}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`,
    );
  }
}

/**
 * Demo data is optional per service: `prisma/<database>/seed.ts`, idempotent so every start may run
 * it. Seeds may use the service's own Nest providers, so they run through SWC (which emits decorator
 * metadata) with the environment of the service that owns the database.
 */
export async function seedAll(
  environmentOf: (project: PrismaProject) => NodeJS.ProcessEnv,
  projects: PrismaProject[] = prismaProjects(),
  log: Log = console.log,
): Promise<void> {
  for (const project of projects.filter((p) => existsSync(join(p.dir, 'seed.ts')))) {
    log(`seeding ${project.database}`);
    const { exitCode } = await runCommand(
      process.execPath,
      ['-r', '@swc-node/register', join(project.dir, 'seed.ts')],
      {
        env: {
          ...environmentOf(project),
          SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.scripts.json'),
        },
      },
    );
    if (exitCode !== 0) throw new Error(`seeding the ${project.database} database failed`);
  }
}
