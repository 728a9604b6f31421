import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBlogBenchmark } from './blog-benchmark';
import { writeBlogReport } from './blog-report';

describe('the blog benchmark, for a second per target on a blog of six articles', () => {
  it('seeds through the APIs, measures every route and reports sane, self-consistent figures', async () => {
    const stages: string[] = [];
    const report = await runBlogBenchmark(
      { users: 3, articles: 6, connections: 4, warmUpSeconds: 0, durationSeconds: 1 },
      (line) => stages.push(line),
    );

    expect(report.seed).toEqual({
      users: 3,
      articles: 6,
      tags: expect.any(Number),
      followedAuthors: 1,
      favoritedArticles: 2,
      feedArticles: 2,
    });
    const onBlog = [
      report.listAnonymous,
      report.listSignedIn,
      report.feed,
      report.articleCached,
      report.articleUncached,
    ];
    for (const target of [report.baseline, ...onBlog]) {
      expect(target.requests).toBeGreaterThan(0);
      expect(target.requestsPerSecond).toBeGreaterThan(0);
      expect(target.p99Ms).toBeGreaterThanOrEqual(target.p50Ms);
      expect(target.serviceCores).toBeGreaterThan(0);
      expect(target.cpuMsPerRequest).toBeGreaterThan(0);
      expect(target.overBaseline).toBeCloseTo(
        target.requestsPerSecond / report.baseline.requestsPerSecond,
      );
    }
    expect(report.baseline.statementsPerRequest).toBeNull();
    // Uncached reads go to Postgres a few times a request; never N+1 over twenty articles.
    for (const target of [report.feed, report.articleUncached]) {
      expect(target.statementsPerRequest).toBeGreaterThan(0);
      expect(target.statementsPerRequest).toBeLessThan(10);
    }
    // A cached list page, and signed in the reader's cached flags: no statement (a miss now and then).
    expect(report.listAnonymous.statementsPerRequest).toBeLessThan(0.5);
    expect(report.listSignedIn.statementsPerRequest).toBeLessThan(0.5);
    expect(report.articleCached.statementsPerRequest).toBeLessThan(
      report.articleUncached.statementsPerRequest as number,
    );
    expect(stages).toContainEqual(
      expect.stringMatching(/^blog-service \(ARTICLE_CACHE_TTL_SECONDS=0\): ready after \d+ ms/),
    );

    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'benchmarks.md');
    writeBlogReport(file, report);
    writeBlogReport(file, report);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown.match(/<!-- bench:blog:begin -->/g)).toHaveLength(1);
    expect(markdown).toContain(`**${report.articleCached.overBaseline.toFixed(2)}**`);
  }, 240_000);
});
