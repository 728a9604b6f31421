/**
 * `npm run bench -- auth [--logins N] [--requests N] [--concurrency N] [--max-seconds N] [--out FILE]`:
 * measures a service on 127.0.0.1 and writes its section of docs/benchmarks.md (or FILE).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../workspace/paths';
import { runAuthBenchmark } from './auth/auth-benchmark';
import { writeAuthReport } from './auth/benchmark-report';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      logins: { type: 'string', default: '50' },
      requests: { type: 'string', default: '5000' },
      concurrency: { type: 'string', default: '16' },
      'max-seconds': { type: 'string', default: '20' },
      out: { type: 'string', default: join(repoRoot, 'docs/benchmarks.md') },
    },
  });
  if (positionals[0] !== 'auth') {
    console.error(
      'usage: npm run bench -- auth [--logins N] [--requests N] [--concurrency N] [--max-seconds N] [--out FILE]',
    );
    return 2;
  }
  const report = await runAuthBenchmark({
    logins: Number(values.logins),
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    maxSeconds: Number(values['max-seconds']),
  });
  writeAuthReport(values.out, report);
  console.log(JSON.stringify(report, null, 2));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
