import { defineConfig, env } from 'prisma/config';

// shortener-service's database: links and their click aggregates.
export default defineConfig({
  schema: 'schema',
  migrations: { path: 'migrations' },
  datasource: { url: env('DATABASE_URL') },
});
