import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../workspace/paths';
import { prismaSchemaFolders } from './prisma-projects';

/**
 * Models every service needs identically (the outbox and the processed-event record) are written
 * once in prisma/_shared/ and copied into each schema folder's `shared/` subfolder, which Prisma's
 * multi-file schema picks up. Each service's own migrations then create the tables as usual.
 */
const sharedFolderName = 'shared';

export interface SharedModelsChange {
  /** Copies that were missing or differed from their source. */
  written: string[];
  /** Copies whose source no longer exists. */
  removed: string[];
}

interface PlannedCopy {
  file: string;
  content: string;
}

function plannedCopies(root: string): { copies: PlannedCopy[]; stale: string[] } {
  const sourceDir = join(root, 'prisma', '_shared');
  const sources = existsSync(sourceDir)
    ? readdirSync(sourceDir)
        .filter((name) => name.endsWith('.prisma'))
        .sort()
    : [];
  const copies: PlannedCopy[] = [];
  const stale: string[] = [];
  for (const schemaDir of prismaSchemaFolders(root)) {
    const targetDir = join(schemaDir, sharedFolderName);
    for (const name of sources) {
      const source = join(sourceDir, name);
      copies.push({
        file: join(targetDir, name),
        content: generatedHeader(relative(root, source)) + readFileSync(source, 'utf8'),
      });
    }
    if (existsSync(targetDir)) {
      stale.push(
        ...readdirSync(targetDir)
          .filter((name) => !sources.includes(name))
          .map((name) => join(targetDir, name)),
      );
    }
  }
  return { copies, stale };
}

function generatedHeader(source: string): string {
  return [
    `// GENERATED from ${source} by tools/prisma-shared: do not edit this copy.`,
    '// Change the source, then run `npx tsx tools/prisma-shared/cli.ts` (npm test runs it too).',
    '',
    '',
  ].join('\n');
}

function outdated({ file, content }: PlannedCopy): boolean {
  return !existsSync(file) || readFileSync(file, 'utf8') !== content;
}

/** What a sync would change; empty when every copy matches its source. */
export function findSharedModelDrift(root = repoRoot): SharedModelsChange {
  const { copies, stale } = plannedCopies(root);
  return { written: copies.filter(outdated).map((copy) => copy.file), removed: stale };
}

/** Brings every copy in line with prisma/_shared/ and reports what changed. */
export function syncSharedPrismaModels(root = repoRoot): SharedModelsChange {
  const { copies, stale } = plannedCopies(root);
  const written = copies.filter(outdated);
  for (const copy of written) {
    mkdirSync(join(copy.file, '..'), { recursive: true });
    writeFileSync(copy.file, copy.content);
  }
  for (const file of stale) rmSync(file);
  return { written: written.map((copy) => copy.file), removed: stale };
}
