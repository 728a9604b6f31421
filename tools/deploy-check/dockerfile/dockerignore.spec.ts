import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildContextFilter } from './dockerignore';

function filterOf(...lines: string[]): BuildContextFilter {
  const root = mkdtempSync(join(tmpdir(), 'dockerignore-'));
  try {
    writeFileSync(join(root, '.dockerignore'), lines.join('\n'));
    return BuildContextFilter.read(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the .dockerignore filter', () => {
  it('matches a plain name only at the root of the context, unlike .gitignore', () => {
    const filter = filterOf('dist');

    expect(filter.excludes('dist/apps/main.js')).toBe(true);
    expect(filter.excludes('apps/web/dist/main.js')).toBe(false);
  });

  it('matches ** across any number of folders', () => {
    const filter = filterOf('**/node_modules');

    expect(filter.excludes('node_modules/zod/index.js')).toBe(true);
    expect(filter.excludes('libs/platform/node_modules/x.js')).toBe(true);
  });

  it('lets a later ! line bring back what an earlier line excluded', () => {
    const filter = filterOf('**/.env.*', '!.env.example');

    expect(filter.excludes('.env.local')).toBe(true);
    expect(filter.excludes('.env.example')).toBe(false);
  });

  it('ignores comments and blank lines', () => {
    const filter = filterOf('# dist', '', '*.log');

    expect(filter.excludes('dist/main.js')).toBe(false);
    expect(filter.excludes('npm-debug.log')).toBe(true);
  });
});
