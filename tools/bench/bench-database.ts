import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor, deployMigrations, prismaProject, type PrismaProject } from '../db';
import { repoRoot } from '../workspace/paths';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onServer(statement: string): Promise<void> {
  const admin = new Client({ connectionString: databaseUrlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database for one run of a benchmark, so no run sees another's rows: a service's
 * (`prisma/<service>/`) unless another Prisma project is given.
 */
export async function createBenchDatabase(
  service: string,
  project: PrismaProject = prismaProject(join(repoRoot, 'prisma', service)),
): Promise<BenchDatabase> {
  const name = `bench_${service}_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = databaseUrlFor(name);
  await deployMigrations(project, url);
  return { url, drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
