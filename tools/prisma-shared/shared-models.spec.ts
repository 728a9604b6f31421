import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSharedModelDrift, syncSharedPrismaModels } from './shared-models';

function workspaceWith(services: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'prisma-shared-'));
  mkdirSync(join(root, 'prisma', '_shared'), { recursive: true });
  writeFileSync(
    join(root, 'prisma', '_shared', 'outbox.prisma'),
    'model OutboxEvent {\n  id String @id\n}\n',
  );
  for (const service of services) {
    mkdirSync(join(root, service, 'schema'), { recursive: true });
    writeFileSync(join(root, service, 'prisma.config.ts'), 'export default {};\n');
  }
  return root;
}

describe('sharing Prisma models across services', () => {
  let root: string;

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies each shared model into every schema folder, marked as generated from its source', () => {
    root = workspaceWith(['prisma/auth', 'prisma/blog', 'libs/platform/events/test/prisma']);

    const change = syncSharedPrismaModels(root);

    expect(change.written).toHaveLength(3);
    const copy = readFileSync(join(root, 'prisma/blog/schema/shared/outbox.prisma'), 'utf8');
    expect(copy).toMatch(/^\/\/ GENERATED from prisma\/_shared\/outbox\.prisma/);
    expect(copy).toContain('model OutboxEvent {');
    expect(
      existsSync(join(root, 'libs/platform/events/test/prisma/schema/shared/outbox.prisma')),
    ).toBe(true);
  });

  it('changes nothing on a second run', () => {
    root = workspaceWith(['prisma/auth']);
    syncSharedPrismaModels(root);

    expect(syncSharedPrismaModels(root)).toEqual({ written: [], removed: [] });
  });

  it('reports a copy edited by hand as drift, and the next sync restores it', () => {
    root = workspaceWith(['prisma/auth', 'prisma/shop']);
    syncSharedPrismaModels(root);
    const edited = join(root, 'prisma/shop/schema/shared/outbox.prisma');
    writeFileSync(edited, 'model OutboxEvent {\n  id String @id\n  tenant String\n}\n');

    expect(findSharedModelDrift(root)).toEqual({ written: [edited], removed: [] });
    syncSharedPrismaModels(root);
    expect(findSharedModelDrift(root)).toEqual({ written: [], removed: [] });
  });

  it('removes the copies of a shared model whose source was deleted', () => {
    root = workspaceWith(['prisma/auth']);
    writeFileSync(
      join(root, 'prisma/_shared/audit.prisma'),
      'model AuditEntry {\n  id String @id\n}\n',
    );
    syncSharedPrismaModels(root);
    rmSync(join(root, 'prisma/_shared/audit.prisma'));

    expect(syncSharedPrismaModels(root).removed).toEqual([
      join(root, 'prisma/auth/schema/shared/audit.prisma'),
    ]);
  });

  it('ignores folders without a prisma.config.ts, such as prisma/_shared itself', () => {
    root = workspaceWith([]);
    mkdirSync(join(root, 'prisma/notes/schema'), { recursive: true });

    expect(syncSharedPrismaModels(root).written).toEqual([]);
  });
});

describe('the workspace', () => {
  it('has every service copy of the shared Prisma models in line with prisma/_shared', () => {
    expect(findSharedModelDrift()).toEqual({ written: [], removed: [] });
  });
});
