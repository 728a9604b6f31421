/**
 * `tsx tools/db/image/cli.ts <dir>`: assembles the migrations image's files in <dir>; the
 * Dockerfile's migrations-build stage runs it and the image copies only that folder.
 */
import { resolve } from 'node:path';
import { writeMigrationsImage } from './migrations-image';

const [outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: tsx tools/db/image/cli.ts <output folder>');
  process.exit(2);
}
writeMigrationsImage(resolve(outDir));
console.log(`wrote the migrations image's files to ${outDir}`);
