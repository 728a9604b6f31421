/**
 * `npm run lockfile:complete` after every `npm install`: adds the other platforms' optional
 * binaries the registry here cannot serve, so `npm ci` accepts the lockfile on any machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../workspace/paths';
import { completeLockfile, type Lockfile } from './complete-lockfile';

const file = join(repoRoot, 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile;
const added = completeLockfile(lock);
if (added.length > 0) writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added.length} platform-specific optional packages recorded`);
