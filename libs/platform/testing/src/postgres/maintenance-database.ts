import { Client } from 'pg';
import { testEndpoints } from '../infrastructure/test-endpoints';
import { databaseUrlFor } from '../infrastructure/workspace-tools';

/**
 * Runs `work` on a connection to the server's maintenance database, where test databases and
 * templates are created and dropped: DATABASE_URL may name a test database, which cannot drop itself.
 */
export async function onMaintenanceDatabase<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({
    connectionString: databaseUrlFor('postgres', testEndpoints.databaseUrl),
  });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
