/**
 * `npm run bench -- platform | auth | blog | shortener [options]`: measures on 127.0.0.1 and writes the benchmark's
 * section of docs/benchmarks.md (or --out FILE). Run without arguments for the options.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../workspace/paths';
import { runAuthBenchmark } from './auth/auth-benchmark';
import { writeAuthReport } from './auth/benchmark-report';
import { runBlogBenchmark, TARGETS as BLOG_TARGETS } from './blog/blog-benchmark';
import { writeBlogReport } from './blog/blog-report';
import { runPlatformBenchmark } from './platform/platform-benchmark';
import { writePlatformReport } from './platform/platform-report';
import {
  REDIRECT_CONNECTIONS as SHORTENER_CONNECTIONS,
  runShortenerBenchmark,
} from './shortener/shortener-benchmark';
import { writeShortenerReport } from './shortener/shortener-report';

const USAGE = `usage: npm run bench -- platform | auth | blog | shortener [options]
  --connections N       autocannon connections (default 50; blog ${BLOG_TARGETS.listConnections}, its list target's; shortener ${SHORTENER_CONNECTIONS})
  --warm-up-seconds N   unmeasured load before each target (default 2)
  --seconds N           measured load per target (default 10)
  --logins N            auth: logins timed one after another (default 50)
  --outbox-events N     platform: events each outbox measurement commits (default 10000)
  --users N             blog: authors registered (default 20)
  --articles N          blog: articles published (default 100)
  --fixed-rate N        shortener: requests a second offered in the latency run (default 2000)
  --out FILE            results file (default docs/benchmarks.md)`;

const progress = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      connections: { type: 'string' },
      'warm-up-seconds': { type: 'string', default: '2' },
      seconds: { type: 'string', default: '10' },
      logins: { type: 'string', default: '50' },
      'outbox-events': { type: 'string', default: '10000' },
      users: { type: 'string', default: '20' },
      articles: { type: 'string', default: '100' },
      'fixed-rate': { type: 'string', default: '2000' },
      out: { type: 'string', default: join(repoRoot, 'docs/benchmarks.md') },
    },
  });
  const benchmark = positionals[0];
  const defaultConnections =
    benchmark === 'blog'
      ? BLOG_TARGETS.listConnections
      : benchmark === 'shortener'
        ? SHORTENER_CONNECTIONS
        : 50;
  const load = {
    connections: Number(values.connections ?? defaultConnections),
    warmUpSeconds: Number(values['warm-up-seconds']),
    durationSeconds: Number(values.seconds),
  };
  switch (benchmark) {
    case 'platform': {
      const report = await runPlatformBenchmark(
        { ...load, outboxEvents: Number(values['outbox-events']) },
        progress,
      );
      writePlatformReport(values.out, report);
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    case 'auth': {
      const report = await runAuthBenchmark({ ...load, logins: Number(values.logins) });
      writeAuthReport(values.out, report);
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    case 'blog': {
      const report = await runBlogBenchmark(
        { ...load, users: Number(values.users), articles: Number(values.articles) },
        progress,
      );
      writeBlogReport(values.out, report);
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    case 'shortener': {
      const report = await runShortenerBenchmark(
        { ...load, fixedRate: Number(values['fixed-rate']), clicksWithinMs: 60_000 },
        progress,
      );
      writeShortenerReport(values.out, report);
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
