/**
 * `npx tsx tools/prisma-shared/cli.ts` copies prisma/_shared/*.prisma into every schema folder;
 * with `--check` it changes nothing and exits non-zero if a copy has drifted (for CI).
 */
import { relative } from 'node:path';
import { repoRoot } from '../workspace/paths';
import { findSharedModelDrift, syncSharedPrismaModels } from './shared-models';

const check = process.argv.includes('--check');
const change = check ? findSharedModelDrift() : syncSharedPrismaModels();
const lines = [
  ...change.written.map((file) => `${check ? 'outdated' : 'wrote'}   ${relative(repoRoot, file)}`),
  ...change.removed.map((file) => `${check ? 'stale' : 'removed'}   ${relative(repoRoot, file)}`),
];
console.log(lines.length > 0 ? lines.join('\n') : 'shared Prisma models: every copy is up to date');
if (check && lines.length > 0) {
  console.error('run `npx tsx tools/prisma-shared/cli.ts` and commit the copies');
  process.exit(1);
}
