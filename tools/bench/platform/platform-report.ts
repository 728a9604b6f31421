import { writeReportSection } from '../report-section';
import { renderOutboxReport } from './outbox-report';
import { TARGETS, type PlatformBenchmarkReport, type TargetResult } from './platform-benchmark';

const verdict = (meets: boolean) => (meets ? 'meets' : 'misses');
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function row(target: TargetResult): string {
  return `| ${target.name} | \`GET ${target.path}\` | ${target.requestsPerSecond.toFixed(0)} | ${target.p50Ms} ms | ${target.p99Ms} ms |`;
}

/** The platform section of docs/benchmarks.md, as Markdown. */
export function renderPlatformReport(report: PlatformBenchmarkReport): string {
  const { options, ratios, service } = report;
  const ratioRow = (what: string, value: number, target: number) =>
    `| ${what} | **${value.toFixed(2)}** | ≥ ${target} | ${verdict(value >= target)} |`;
  return [
    '## The platform',
    '',
    `Measured ${report.measuredAt} on Node ${report.machine.node}, ${report.machine.cpus} CPUs, by \`npm run bench -- platform\` at commit ${report.commit}.`,
    `autocannon, ${options.connections} keep-alive connections, ${options.warmUpSeconds} s warm-up then ${options.durationSeconds} s measured per target,`,
    'one target at a time, each server in a process of its own on 127.0.0.1 and the load generator in another.',
    'The bare and minimal servers answer the very document auth-service answered at the start of the run.',
    'auth-service runs as its production bundle on plain Node, as its image does, against the local Postgres, Redis and Kafka;',
    "it is restarted with `ACCESS_TOKEN_MEMO=off` for the last row. Latencies have autocannon's 1 ms resolution.",
    '',
    '| target | route | req/s | p50 | p99 |',
    '| --- | --- | --- | --- | --- |',
    row(report.bare),
    row(report.minimalFastify),
    row(report.fullPlatform),
    row(report.protectedWithMemo),
    row(report.protectedWithoutMemo),
    '',
    '| measure | result | target | verdict |',
    '| --- | --- | --- | --- |',
    ratioRow(
      'full platform / minimal Nest on Fastify',
      ratios.platformOverFramework,
      TARGETS.platformOverFramework,
    ),
    ratioRow(
      'protected / open, memo on',
      ratios.protectedOverOpenWithMemo,
      TARGETS.protectedOverOpen,
    ),
    ratioRow(
      'protected / open, memo off',
      ratios.protectedOverOpenWithoutMemo,
      TARGETS.protectedOverOpen,
    ),
    `| auth-service ready (spawn to \`/health/ready\` 200) | ${service.readyAfterMs.toFixed(0)} ms | < ${TARGETS.readyWithinMs} ms | ${verdict(service.readyAfterMs < TARGETS.readyWithinMs)} |`,
    `| auth-service resident memory after start (VmRSS) | ${megabytes(service.residentBytes)} | < ${megabytes(TARGETS.residentBytes)} | ${verdict(service.residentBytes < TARGETS.residentBytes)} |`,
    '',
    'The gap between the bare server and Nest on Fastify is the framework (routing, the handler pipeline);',
    'the gap between that and auth-service is the platform every service pays per request: request and',
    'correlation ids, the JSON request log, Prometheus metrics, security headers, the global validation pipe',
    'and the token guard deciding the route is public. With the memo on, the protected route checks the',
    'EdDSA signature once and then finds the token in memory; with it off, every request verifies the',
    'signature and claims (jose), which is the price a service pays for a token it has not seen before.',
    'Ready time is that of the built bundle, as a container starts it.',
    '',
    ...renderOutboxReport(report.outbox, {
      eventsPerSecond: TARGETS.outboxEventsPerSecond,
      p99Ms: TARGETS.outboxP99Ms,
    }),
  ].join('\n');
}

/** Replaces the platform section of the file (or appends it), leaving other benchmarks' sections alone. */
export function writePlatformReport(file: string, report: PlatformBenchmarkReport): void {
  writeReportSection(file, 'platform', renderPlatformReport(report));
}
