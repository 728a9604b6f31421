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

  it('names one database per service folder that holds a schema, in order', () => {
    addFile('shop/schema.prisma');
    addFile('auth/schema.prisma');
    expect(serviceDatabases(prismaDir)).toEqual(['auth', 'shop']);
  });

  it('finds a multi-file schema kept in a subfolder', () => {
    addFile('blog/schema/articles.prisma');
    expect(serviceDatabases(prismaDir)).toEqual(['blog']);
  });

  it('skips shared folders starting with an underscore and folders without a schema', () => {
    addFile('_shared/enums.prisma');
    addFile('notes/README.md');
    addFile('loose.prisma');
    expect(serviceDatabases(prismaDir)).toEqual([]);
  });

  it('finds no services when there is no prisma folder yet', () => {
    expect(serviceDatabases(join(prismaDir, 'missing'))).toEqual([]);
  });
});
