import { pollUntil } from '../../infra/poll';
import { authServiceRun, startAuthService } from '../auth-service-process';
import { createBenchDatabase } from '../bench-database';
import { ensureInfrastructure } from '../built-service';
import { measureWindow, warmUp, type LoadResult, type LoadSettings } from '../http-load';
import { call } from '../loopback-http';
import { machine, measuredCommit, type Machine } from '../measured-on';
import { DOCUMENT_PATH } from '../platform/small-document';
import { RunningServices } from '../running-services';
import type { ServiceProcess } from '../service-process';
import { scrapeMetrics, type MetricsPage } from '../service-metrics';
import { startBlogService, type BlogServiceRun } from './blog-service-process';
import { seedBlog, type SeedShape, type SeedSize } from './conduit-seed';

export interface BlogBenchmarkOptions extends LoadSettings, SeedSize {}

export const LIST_PATH = '/api/articles?limit=20';
export const FEED_PATH = '/api/articles/feed?limit=20';
export const articlePath = (slug: string) => `/api/articles/${slug}`;

export const TARGETS = {
  /** An article by slug from the cache, over the platform baseline route. */
  cachedArticleOverBaseline: 0.5,
  /** p99 of a list of 20, at `listConnections` connections. */
  listP99Ms: 50,
  listConnections: 32,
} as const;

export interface BlogTargetResult extends LoadResult {
  name: string;
  service: 'auth-service' | 'blog-service';
  path: string;
  signedIn: boolean;
  /** blog_sql_statements_total over the measured window / the requests the service answered in it; null off blog-service. */
  statementsPerRequest: number | null;
  /** The serving process's CPU time over the measured window, in cores (1: one core busy throughout). */
  serviceCores: number;
  /** That CPU time over the requests the service answered in the window: what one request costs it. */
  cpuMsPerRequest: number;
  /** requestsPerSecond / the baseline's, both from this run. */
  overBaseline: number;
}

export interface BlogBenchmarkReport {
  measuredAt: string;
  options: BlogBenchmarkOptions;
  machine: Machine;
  commit: string;
  seed: SeedShape;
  /** The platform benchmark's route: auth-service's small in-memory document. */
  baseline: BlogTargetResult;
  listAnonymous: BlogTargetResult;
  listSignedIn: BlogTargetResult;
  feed: BlogTargetResult;
  /** One slug, again and again, anonymous: from Redis after the first read. */
  articleCached: BlogTargetResult;
  /** The same slug from a blog-service restarted with ARTICLE_CACHE_TTL_SECONDS=0. */
  articleUncached: BlogTargetResult;
  targets: typeof TARGETS;
}

export type Progress = (line: string) => void;

type Measured = Omit<BlogTargetResult, 'overBaseline'>;

/**
 * What a service's own counters say at one moment: the SQL it sent, and the requests it answered
 * (all but the scrapes of /metrics), counted where the statements are, so requests still in flight
 * when autocannon stops or starts weigh on neither side.
 */
function countersOn(page: MetricsPage): { statements: number; answered: number } {
  return {
    statements: page.sum('blog_sql_statements_total'),
    answered: page.sum('http_request_duration_seconds_count', ({ route }) => route !== '/metrics'),
  };
}

/** Resolves once blog-service has consumed `count` auth.users events: their writes stay out of the measured windows. */
async function consumedUserEvents(blog: ServiceProcess, count: number): Promise<void> {
  const consumed = async () =>
    (await scrapeMetrics(blog.url)).sum('event_consumer_messages_total', ({ topic = '' }) =>
      topic.endsWith('auth.users'),
    );
  // Polled: the consumer's progress is only observable on /metrics.
  if (!(await pollUntil(async () => (await consumed()) >= count, { timeoutMs: 60_000 })))
    throw new Error(`blog-service consumed ${await consumed()} of ${count} auth.users events`);
}

async function articlesCount(url: string, authorization?: string): Promise<number> {
  const answer = await call({
    url,
    headers: authorization ? { Authorization: authorization } : {},
  });
  if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.body}`);
  return (JSON.parse(answer.body) as { articlesCount: number }).articlesCount;
}

/**
 * One run on 127.0.0.1: auth-service and blog-service as built for production on fresh databases,
 * a blog seeded through their APIs, then each read route under autocannon beside auth-service's
 * in-memory document as the baseline; the uncached article read from a blog-service restarted
 * with its article cache off.
 */
export async function runBlogBenchmark(
  options: BlogBenchmarkOptions,
  progress: Progress = () => undefined,
): Promise<BlogBenchmarkReport> {
  progress('infrastructure: ensuring Postgres, Redis and Kafka');
  const releaseInfrastructure = await ensureInfrastructure();
  try {
    const [authDatabase, blogDatabase] = await Promise.all([
      createBenchDatabase('auth'),
      createBenchDatabase('blog'),
    ]);
    const run: BlogServiceRun = {
      databaseUrl: blogDatabase.url,
      auth: authServiceRun(authDatabase.url),
    };
    const services = new RunningServices(progress);
    try {
      const auth = await services.start('auth-service', startAuthService(run.auth));
      const cachedBlog = await services.start(
        'blog-service (article cache on)',
        startBlogService(run, auth),
      );

      progress(`seeding: ${options.users} authors, ${options.articles} articles, one reader`);
      const seeded = await seedBlog(auth.url, cachedBlog.url, options);
      await consumedUserEvents(cachedBlog, options.users + 1);
      const listed = await articlesCount(cachedBlog.url + LIST_PATH);
      const fed = await articlesCount(cachedBlog.url + FEED_PATH, seeded.readerAuthorization);
      if (listed !== options.articles || fed !== seeded.shape.feedArticles)
        throw new Error(
          `the seeded blog lists ${listed} of ${options.articles} articles and feeds ${fed} of ${seeded.shape.feedArticles}`,
        );

      const measure = async (
        name: string,
        service: ServiceProcess,
        path: string,
        signedIn: boolean,
      ): Promise<Measured> => {
        const onBlog = service !== auth;
        const target = {
          url: service.url + path,
          headers: signedIn ? { Authorization: seeded.readerAuthorization } : undefined,
        };
        progress(
          `${name}: ${options.warmUpSeconds} s warm-up, ${options.durationSeconds} s measured`,
        );
        await warmUp(target, options);
        // Read around the measured window only, so the warm-up's statements and CPU count nowhere.
        const before = countersOn(await scrapeMetrics(service.url));
        const cpuBefore = await service.cpuSeconds();
        const startedAt = performance.now();
        const result = await measureWindow(target, options);
        const windowSeconds = (performance.now() - startedAt) / 1000;
        const cpu = (await service.cpuSeconds()) - cpuBefore;
        const after = countersOn(await scrapeMetrics(service.url));
        const answered = after.answered - before.answered;
        const statementsPerRequest = onBlog
          ? (after.statements - before.statements) / answered
          : null;
        progress(
          `${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${(cpu / windowSeconds).toFixed(2)} cores` +
            (statementsPerRequest === null
              ? ''
              : `, ${statementsPerRequest.toFixed(2)} SQL statements a request`),
        );
        return {
          name,
          service: onBlog ? 'blog-service' : 'auth-service',
          path,
          signedIn,
          ...result,
          statementsPerRequest,
          serviceCores: cpu / windowSeconds,
          cpuMsPerRequest: (cpu * 1000) / answered,
        };
      };

      const oneArticle = articlePath(seeded.slugs[0]);
      const baseline = await measure('platform baseline', auth, DOCUMENT_PATH, false);
      const listAnonymous = await measure('list of 20, anonymous', cachedBlog, LIST_PATH, false);
      const listSignedIn = await measure('list of 20, signed in', cachedBlog, LIST_PATH, true);
      const feed = await measure('feed of 20, signed in', cachedBlog, FEED_PATH, true);
      const articleCached = await measure('article by slug, cached', cachedBlog, oneArticle, false);
      await cachedBlog.stop();

      const uncachedBlog = await services.start(
        'blog-service (ARTICLE_CACHE_TTL_SECONDS=0)',
        startBlogService(run, auth, { ARTICLE_CACHE_TTL_SECONDS: '0' }),
      );
      const articleUncached = await measure(
        'article by slug, uncached',
        uncachedBlog,
        oneArticle,
        false,
      );

      const relative = (target: Measured): BlogTargetResult => ({
        ...target,
        overBaseline: target.requestsPerSecond / baseline.requestsPerSecond,
      });
      return {
        measuredAt: new Date().toISOString(),
        options,
        machine: machine(),
        commit: measuredCommit(),
        seed: seeded.shape,
        baseline: relative(baseline),
        listAnonymous: relative(listAnonymous),
        listSignedIn: relative(listSignedIn),
        feed: relative(feed),
        articleCached: relative(articleCached),
        articleUncached: relative(articleUncached),
        targets: TARGETS,
      };
    } finally {
      await services.stopAll();
      await Promise.all([authDatabase.drop(), blogDatabase.drop()]);
    }
  } finally {
    await releaseInfrastructure();
  }
}
