import { writeReportSection } from '../report-section';
import {
  PULSES_PER_SECOND,
  type FixedRateTarget,
  type RedirectTarget,
  type ShortenerBenchmarkReport,
} from './shortener-benchmark';

const verdict = (meets: boolean) => (meets ? 'meets' : 'misses');
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function redirectRow(target: RedirectTarget): string {
  return [
    target.name,
    `\`GET ${target.path}\``,
    target.requestsPerSecond.toFixed(0),
    `${target.p50Ms} ms`,
    `${target.p99Ms} ms`,
    target.overBare.toFixed(2),
    `${target.cpuUsPerRequest.toFixed(0)} µs`,
  ].join(' | ');
}

function fixedRateRow(target: FixedRateTarget, shape: string): string {
  return [
    target.name,
    shape,
    target.offeredRate,
    target.requests,
    target.requestsPerSecond.toFixed(0),
    `${target.p50Ms} ms`,
    `${target.p99Ms} ms`,
  ].join(' | ');
}

function clicksRow({ clicks }: ShortenerBenchmarkReport): string {
  const { redirects, counted } = clicks;
  if (typeof counted !== 'number')
    return `| clicks counted (fixed-rate link) | not measured: no stats API in this build | = ${redirects} redirects | not judged |`;
  return `| clicks counted (fixed-rate link) | **${counted}** | = ${redirects} redirects | ${verdict(counted === redirects)} |`;
}

function profileSection(profile: ShortenerBenchmarkReport['profile']): string[] {
  const perRequest = (selfMs: number) => `${((selfMs * 1000) / profile.requests).toFixed(1)} µs`;
  const moduleRows = profile.byModule
    .slice(0, 12)
    .map((entry) => `| ${entry.module} | ${perRequest(entry.selfMs)} | ${percent(entry.share)} |`);
  const functionRows = profile.byFunction.map(
    (entry) =>
      `| \`${entry.name}\` | ${entry.module} | \`${entry.location}\` | ${perRequest(entry.selfMs)} | ${percent(entry.share)} |`,
  );
  return [
    '### Where the remaining time per request goes',
    '',
    'A CPU profile of the shortener restarted under `node --cpu-prof` (V8 samples its JavaScript thread every millisecond;',
    `what that costs shows in the profiled row above), over the samples of that row's measured window only: the thread was busy`,
    `${profile.busyMs.toFixed(0)} ms of ${profile.windowMs.toFixed(0)} ms (${percent(profile.busyMs / profile.windowMs)}) for ${profile.requests} redirects, ${perRequest(profile.busyMs)} each.`,
    'Self time is the time a function was on top of the stack at the samples, which is wall-clock time: a thread the kernel',
    'puts aside for another process is charged to whatever it was running, most often a system call. A bundled function is',
    "named by its source through the bundle's source map. `V8 and native code` is the engine's and Node's C++ side: garbage",
    'collection, compilation, and the system calls behind socket and file writes (`writeLatin1String`, `writeString`,',
    'which include the kernel sending the answer over loopback).',
    '',
    '| module | self time a request | share of busy time |',
    '| --- | --- | --- |',
    ...moduleRows,
    '',
    '| function | module | defined at | self time a request | share of busy time |',
    '| --- | --- | --- | --- | --- |',
    ...functionRows,
  ];
}

/** The shortener section of docs/benchmarks.md, as Markdown. */
export function renderShortenerReport(report: ShortenerBenchmarkReport): string {
  const { options, targets } = report;
  const ratio = report.shortener.overBare;
  const p99 = report.shortenerAtPacedRate.p99Ms;
  return [
    '## shortener-service',
    '',
    `Measured ${report.measuredAt} on Node ${report.machine.node}, ${report.machine.cpus} CPUs, by \`npm run bench -- shortener\` at commit ${report.commit}.`,
    `autocannon, ${options.connections} keep-alive connections, ${options.warmUpSeconds} s warm-up (on another link) then ${options.durationSeconds} s measured per target, one`,
    'target at a time, each server in a process of its own on 127.0.0.1 and the load generator in another. Every request is a',
    "browser's visit (a desktop Chrome `User-Agent`), and every answer must be the 302 to the link's target or the run fails.",
    'The bare server answers the same codes with the same `Location` from a `Map`. shortener-service runs its production',
    "bundle on plain Node (`NODE_ENV=production`) against the local Postgres, Redis and Kafka, at production's log level,",
    'info, so every redirect writes its JSON access line (to /dev/null here), and records its click; the LOG_LEVEL=warn row',
    'is the same build restarted without the access line. Each link was visited once before the load, so it is cached.',
    "Latencies have autocannon's 1 ms resolution. Server CPU a request is the server process's user and kernel time",
    '(`/proc/<pid>/stat`, 10 ms ticks) over the measured window, over the redirects answered in it.',
    '',
    '| target | route | req/s | p50 | p99 | × bare | server CPU a request |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...[report.bare, report.shortener, report.shortenerProfiled, report.shortenerQuiet].map(
      (target) => `| ${redirectRow(target)} |`,
    ),
    '',
    `At a fixed offered rate, the same ${options.connections} connections, exactly rate × ${options.durationSeconds} s requests, every one waited for,`,
    "in two shapes. **Burst** is autocannon's `overallRate`: each connection sends its share of a second as soon as the",
    'second starts and each request as soon as the previous answer arrives, so the whole second comes as one burst and the',
    "p99 is the burst's length (its coordinated-omission correction is off: it takes 1 ms as the interval between a",
    "connection's requests, `ceil(1 / rate)`, and would add a made-up sample for every millisecond of each slow answer).",
    `**Paced** splits the connections into ${PULSES_PER_SECOND} autocannon instances, each offering its share of the rate, started`,
    `1/${PULSES_PER_SECOND} s apart: the same requests arrive in ${PULSES_PER_SECOND} evenly spaced pulses a second, nearer to independent`,
    "clients, and every answer's own time is recorded (microseconds). The target is judged on the paced run.",
    '',
    '| target | shape | offered req/s | requests | achieved req/s | p50 | p99 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...[
      ['burst', report.bareAtFixedRate],
      ['burst', report.shortenerAtFixedRate],
      ['paced', report.bareAtPacedRate],
      ['paced', report.shortenerAtPacedRate],
    ].map(([shape, target]) => `| ${fixedRateRow(target as FixedRateTarget, shape as string)} |`),
    '',
    '| measure | result | target | verdict |',
    '| --- | --- | --- | --- |',
    `| shortener (LOG_LEVEL=info) / bare node:http | **${ratio.toFixed(2)}** | ≥ ${targets.ratio} | ${verdict(ratio >= targets.ratio)} |`,
    `| p99 at ${options.fixedRate} req/s offered, paced | **${p99} ms** | < ${targets.fixedRateP99Ms} ms | ${verdict(p99 < targets.fixedRateP99Ms)} |`,
    clicksRow(report),
    `| shortener peak resident memory under load (VmRSS, sampled every 250 ms) | **${megabytes(report.peakResidentBytes)}** | < ${megabytes(targets.residentBytes)} | ${verdict(report.peakResidentBytes < targets.residentBytes)} |`,
    '',
    'The clicks are those of the fixed-rate link, every one of its requests answered, read from',
    '`GET /api/shortener/v1/links/:id/stats` (people and bots) of the LOG_LEVEL=warn instance, after the instance that',
    'redirected them had shut down: its shutdown flushes the click buffer, and the consumer of any instance counts them.',
    '',
    ...profileSection(report.profile),
  ].join('\n');
}

/** Replaces the shortener section of the file (or appends it), leaving other benchmarks' sections alone. */
export function writeShortenerReport(file: string, report: ShortenerBenchmarkReport): void {
  writeReportSection(file, 'shortener', renderShortenerReport(report));
}
