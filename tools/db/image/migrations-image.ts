import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { standaloneInstall, type PackageLock } from '../../lockfile/standalone-install';
import { repoRoot } from '../../workspace/paths';
import { prismaProjects } from '../prisma-project';

export const MIGRATIONS_IMAGE_PACKAGE = 'capstone-migrations';

/**
 * Writes what the migrations image holds into `outDir`: each service's prisma.config.ts, schema
 * and migrations (no seeds), the entrypoint, and a manifest and lockfile whose one dependency is
 * the Prisma CLI at the version the workspace lockfile pins. Prisma stays a devDependency of the
 * workspace; this is the only install in which it is a production one.
 */
export function writeMigrationsImage(outDir: string, root = repoRoot): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const project of prismaProjects(join(root, 'prisma'))) {
    const target = join(outDir, 'prisma', project.database);
    mkdirSync(target, { recursive: true });
    cpSync(project.configFile, join(target, 'prisma.config.ts'));
    cpSync(project.schemaDir, join(target, 'schema'), { recursive: true });
    cpSync(project.migrationsDir, join(target, 'migrations'), { recursive: true });
  }
  cpSync(join(__dirname, 'migrate.sh'), join(outDir, 'migrate.sh'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as PackageLock;
  const { manifest, lockfile } = standaloneInstall(lock, 'prisma', MIGRATIONS_IMAGE_PACKAGE);
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
}
