// How the other services' seeds find the demo users that prisma/auth/seed.ts makes.
import { Client } from 'pg';

export interface DemoUserAccount {
  id: string;
  username: string;
  email: string | null;
  bio: string | null;
  image: string | null;
}

/**
 * The demo users' accounts exist only in auth-service's database, on the same server as the seeded
 * service's in development. A development seed may read them there; a service never does (it
 * learns users from events).
 */
export async function demoUsersInAuth<Username extends string>(
  serviceDatabaseUrl: string,
  usernames: readonly Username[],
): Promise<Record<Username, DemoUserAccount>> {
  const authDatabaseUrl = new URL(serviceDatabaseUrl);
  authDatabaseUrl.pathname = '/auth';
  const client = new Client({ connectionString: authDatabaseUrl.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<DemoUserAccount>(
      'SELECT id, username, email, bio, image FROM "user" WHERE username = ANY($1::text[])',
      [usernames],
    );
    const found = Object.fromEntries(rows.map((row) => [row.username, row]));
    const missing = usernames.filter((username) => !found[username]);
    if (missing.length > 0) {
      throw new Error(`auth has no user ${missing.join(', ')}: run npm run auth:seed first`);
    }
    return found as Record<Username, DemoUserAccount>;
  } finally {
    await client.end();
  }
}
