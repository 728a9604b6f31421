import { testEndpoints } from '../infrastructure/test-endpoints';
import { databaseUrlFor } from '../infrastructure/workspace-tools';
import { uniqueTestId } from '../test-names';
import { ensureTemplate } from './database-template';
import { onMaintenanceDatabase } from './maintenance-database';
import type { PrismaProject } from './prisma-project';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any connection a test left open. */
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the project's template. */
export async function createTestDatabase(project: PrismaProject): Promise<TestDatabase> {
  const template = await ensureTemplate(project);
  const name = `test_${project.database}_${uniqueTestId()}`;
  await onServer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    name,
    url: databaseUrlFor(name, testEndpoints.databaseUrl),
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

function onServer(statement: string): Promise<void> {
  return onMaintenanceDatabase(async (admin) => {
    await admin.query(statement);
  });
}
