import { join, resolve } from 'node:path';

/** The repository root, found from this file so tools behave the same from any working directory. */
export const repoRoot = resolve(__dirname, '../..');

/** Local state (logs, databases, test reports) lives here and is never committed. */
export const dataDir = join(repoRoot, '.data');
