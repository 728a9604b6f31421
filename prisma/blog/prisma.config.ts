import { defineConfig, env } from 'prisma/config';

// blog-service's database: articles, comments, tags, follows, favorites, media and the author projection.
export default defineConfig({
  schema: 'schema',
  migrations: { path: 'migrations' },
  datasource: { url: env('DATABASE_URL') },
});
