import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { infraPaths } from '../infra-paths';

/**
 * Each folder under prisma/ that holds a schema belongs to one service, which owns a database of the
 * same name (prisma/auth → auth). Folders starting with `_` hold shared parts, not services.
 */
export function serviceDatabases(prismaDir = infraPaths.prismaDir): string[] {
  if (!existsSync(prismaDir)) return [];
  return readdirSync(prismaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .filter((name) => containsSchema(join(prismaDir, name)))
    .sort();
}

// Recursive, because a multi-file schema keeps its .prisma files in a subfolder.
function containsSchema(dir: string): boolean {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((file) =>
    file.endsWith('.prisma'),
  );
}
