import { defineConfig, env } from 'prisma/config';

// notification-service's database: the delivery log, mail preferences and the development mailbox.
export default defineConfig({
  schema: 'schema',
  migrations: { path: 'migrations' },
  datasource: { url: env('DATABASE_URL') },
});
