import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { testEndpoints } from '../infrastructure/test-endpoints';
import {
  databaseUrlFor,
  deployMigrations,
  migrationList,
  type PrismaProject,
} from '../infrastructure/workspace-tools';
import { onMaintenanceDatabase } from './maintenance-database';

/**
 * A migrated database that test databases are cloned from (`CREATE DATABASE ... TEMPLATE`), which
 * copies files instead of replaying migrations. Its name carries a hash of the migrations, so it is
 * built once per change of the migrations, by whichever Jest worker gets there first.
 */
export async function ensureTemplate(project: PrismaProject): Promise<string> {
  const hash = createHash('sha256')
    .update(JSON.stringify(migrationList(project)))
    .digest('hex')
    .slice(0, 12);
  const template = `tpl_${project.database}_${hash}`;

  return onMaintenanceDatabase(async (admin) => {
    // Parallel workers wait here while the first one builds; the rest then find it ready.
    await admin.query(`SELECT pg_advisory_lock(hashtext('test-template'), hashtext($1))`, [
      template,
    ]);
    const ready = await admin.query(
      `SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate`,
      [template],
    );
    if (ready.rowCount === 0) await buildTemplate(admin, project, template);
    await dropOutdatedTemplates(admin, project, template);
    return template;
  });
}

// Built under a temporary name and renamed when complete, so a crash never leaves a half-migrated template.
async function buildTemplate(
  admin: Client,
  project: PrismaProject,
  template: string,
): Promise<void> {
  const building = `${template}_building`;
  await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${building}"`);
  await deployMigrations(project, databaseUrlFor(building, testEndpoints.databaseUrl));
  // The schema engine may keep a pooled connection a moment; a template must have none.
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
    building,
  ]);
  await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
  await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
}

async function dropOutdatedTemplates(
  admin: Client,
  project: PrismaProject,
  current: string,
): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datistemplate AND datname LIKE $1 AND datname <> $2`,
    [`tpl\\_${project.database}\\_%`, current],
  );
  for (const { datname } of rows) {
    await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}
