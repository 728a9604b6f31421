import { writeReportSection } from '../report-section';
import type { AuthBenchmarkReport } from './auth-benchmark';

/** The auth section of docs/benchmarks.md, as Markdown. */
export function renderAuthReport(report: AuthBenchmarkReport): string {
  const rps = (value: number) => value.toFixed(0);
  const verdict = report.ratio >= report.target ? 'meets' : 'misses';
  const { options } = report;
  return [
    '## auth-service',
    '',
    `Measured ${report.measuredAt} on Node ${report.machine.node}, ${report.machine.cpus} CPUs, by \`npm run bench -- auth\``,
    `(${options.logins} logins one after another; then autocannon, ${options.connections} connections, ${options.warmUpSeconds} s warm-up and`,
    `${options.durationSeconds} s measured per endpoint). The service runs in its own process against the local Postgres, Redis and Kafka.`,
    '',
    '| measure | result |',
    '| --- | --- |',
    `| login latency p50 | ${report.login.p50Ms.toFixed(1)} ms |`,
    `| login latency p99 | ${report.login.p99Ms.toFixed(1)} ms |`,
    `| unauthenticated \`GET ${report.unauthenticated.path}\` | ${rps(report.unauthenticated.requestsPerSecond)} req/s |`,
    `| token-protected \`GET ${report.protected.path}\` | ${rps(report.protected.requestsPerSecond)} req/s |`,
    `| protected / unauthenticated | **${report.ratio.toFixed(2)}** (target ≥ ${report.target}: ${verdict} it) |`,
    '',
    'Login is dominated by argon2id (19 MiB, 2 passes) by design. Both throughput endpoints answer from',
    'memory with a small JSON document; the protected one first passes the token guard, which checks the',
    'EdDSA signature once per token and then remembers it for up to a minute (`libs/platform/auth`), as a',
    'client reusing its token for many requests sees it. A ratio above 1 means the two are within noise;',
    '`npm run bench -- platform` also measures the guard with that memory switched off.',
  ].join('\n');
}

/** Replaces the auth section of the file (or appends it), leaving other benchmarks' sections alone. */
export function writeAuthReport(file: string, report: AuthBenchmarkReport): void {
  writeReportSection(file, 'auth', renderAuthReport(report));
}
