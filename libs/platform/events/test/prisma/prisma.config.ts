import { defineConfig, env } from 'prisma/config';

// The events library's own test database: a small domain plus the shared outbox models.
export default defineConfig({
  schema: 'schema',
  migrations: { path: 'migrations' },
  datasource: { url: env('DATABASE_URL') },
});
