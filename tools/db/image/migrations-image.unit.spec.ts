import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../workspace/paths';
import { prismaProjects } from '../prisma-project';
import { MIGRATIONS_IMAGE_PACKAGE, writeMigrationsImage } from './migrations-image';

const workspaceLock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string }>;
};

describe('the migrations image’s files', () => {
  let outDir: string;

  beforeAll(() => {
    outDir = join(mkdtempSync(join(tmpdir(), 'migrations-image-')), 'image');
    writeMigrationsImage(outDir);
  });

  afterAll(() => rmSync(join(outDir, '..'), { recursive: true, force: true }));

  it('depend on the Prisma CLI alone, at the version the workspace lockfile pins', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'package.json'), 'utf8'));

    expect(manifest).toEqual({
      name: MIGRATIONS_IMAGE_PACKAGE,
      version: '0.0.0',
      private: true,
      dependencies: { prisma: workspaceLock.packages['node_modules/prisma'].version },
    });
  });

  it('lock every package the CLI pulls in at the workspace’s versions, and nothing of the services', () => {
    const { packages } = JSON.parse(readFileSync(join(outDir, 'package-lock.json'), 'utf8'));

    expect(packages['node_modules/@prisma/engines'].version).toBe(
      workspaceLock.packages['node_modules/@prisma/engines'].version,
    );
    for (const service of [
      'node_modules/@nestjs/core',
      'node_modules/tsx',
      'node_modules/typescript',
    ])
      expect(packages[service]).toBeUndefined();
    expect(Object.values(packages).some((entry) => (entry as { dev?: boolean }).dev)).toBe(false);
  });

  it('hold each service’s config, schema and migrations, but not its seed script', () => {
    for (const { database } of prismaProjects()) {
      const folder = join(outDir, 'prisma', database);
      expect(existsSync(join(folder, 'prisma.config.ts'))).toBe(true);
      expect(existsSync(join(folder, 'schema'))).toBe(true);
      expect(existsSync(join(folder, 'migrations', 'migration_lock.toml'))).toBe(true);
      expect(existsSync(join(folder, 'seed.ts'))).toBe(false);
    }
  });
});

describe('the migrations image’s entrypoint', () => {
  let imageDir: string;

  /** What `sh migrate.sh …` asks the Prisma CLI to do, with a stand-in CLI that prints its call. */
  function migrate(databaseUrl: string, ...databases: string[]): string[] {
    return execFileSync('sh', [join(imageDir, 'migrate.sh'), ...databases], {
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
  }

  beforeAll(() => {
    imageDir = mkdtempSync(join(tmpdir(), 'migrations-entrypoint-'));
    mkdirSync(join(imageDir, 'prisma', 'auth'), { recursive: true });
    mkdirSync(join(imageDir, 'prisma', 'notification'), { recursive: true });
    mkdirSync(join(imageDir, 'node_modules', '.bin'), { recursive: true });
    const cli = join(imageDir, 'node_modules', '.bin', 'prisma');
    writeFileSync(cli, '#!/bin/sh\necho "prisma $* with $DATABASE_URL"\n');
    chmodSync(cli, 0o755);
    writeFileSync(join(imageDir, 'migrate.sh'), readFileSync(join(__dirname, 'migrate.sh')));
  });

  afterAll(() => rmSync(imageDir, { recursive: true, force: true }));

  it('deploys every database the image holds, each at the server DATABASE_URL names', () => {
    expect(migrate('postgresql://app:secret@postgres:5432/postgres')).toEqual([
      'migrating auth',
      'prisma migrate deploy --config prisma/auth/prisma.config.ts with postgresql://app:secret@postgres:5432/auth',
      'migrating notification',
      'prisma migrate deploy --config prisma/notification/prisma.config.ts with postgresql://app:secret@postgres:5432/notification',
    ]);
  });

  it('deploys only the databases named, keeping the URL’s query options', () => {
    expect(
      migrate('postgresql://app:secret@db.internal:5432/auth?sslmode=require', 'auth'),
    ).toEqual([
      'migrating auth',
      'prisma migrate deploy --config prisma/auth/prisma.config.ts with postgresql://app:secret@db.internal:5432/auth?sslmode=require',
    ]);
  });
});
