import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceDatabases } from './service-databases';

describe('serviceDatabases', () => {
  let prismaDir: string;

  beforeEach(() => {
    prismaDir = mkdtempSync(join(tmpdir(), 'capstone-prisma-'));
  });

  afterEach(() => {
    rmSync(prismaDir, { recursive: true, force: true });
  });

  function addFile(relativePath: string): void {
    const file = join(prismaDir, relativePath);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
  }

  it('names one database per service folder with a Prisma config, in order', () => {
    addFile('shop/prisma.config.ts');
    addFile('auth/prisma.config.ts');
    expect(serviceDatabases(prismaDir)).toEqual(['auth', 'shop']);
  });

  it('skips shared folders starting with an underscore and folders without a Prisma config', () => {
    addFile('_shared/prisma.config.ts');
    addFile('blog/schema/articles.prisma');
    addFile('notes/README.md');
    expect(serviceDatabases(prismaDir)).toEqual([]);
  });

  it('finds no services when there is no prisma folder yet', () => {
    expect(serviceDatabases(join(prismaDir, 'missing'))).toEqual([]);
  });
});
