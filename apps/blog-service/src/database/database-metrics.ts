import { Metrics } from '@capstone/platform/observability';

/** Every SQL statement blog-service sends: per request, it shows whether a page costs N+1 queries. */
export const sqlStatements = Metrics.counter({
  name: 'blog_sql_statements_total',
  help: 'SQL statements blog-service sent to Postgres.',
});
