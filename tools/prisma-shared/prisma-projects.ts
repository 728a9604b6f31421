import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const searched = ['prisma', 'apps', 'libs'];
const skipped = new Set(['node_modules', 'generated', 'dist', '.data', 'migrations']);

/**
 * Every schema folder that receives the shared models: `<project>/schema/` next to a
 * `prisma.config.ts`, for services (prisma/<db>/) and test-only projects (e.g. libs/x/test/prisma/).
 */
export function prismaSchemaFolders(root: string): string[] {
  return searched.flatMap((top) => findProjects(join(root, top))).map((project) => join(project, 'schema')).filter(existsSync).sort();
}

function findProjects(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, 'prisma.config.ts'))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !skipped.has(entry.name) && !entry.name.startsWith('_'))
    .flatMap((entry) => findProjects(join(dir, entry.name)));
}
