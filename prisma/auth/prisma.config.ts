import { defineConfig, env } from 'prisma/config';

// auth-service's database: accounts, sessions, keys and the audit trail. Migrate with `npm run db`.
export default defineConfig({
  schema: 'schema',
  migrations: { path: 'migrations' },
  datasource: { url: env('DATABASE_URL') },
});
