import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAuthBenchmark } from './auth-benchmark';
import { writeAuthReport } from './benchmark-report';

describe('the auth benchmark, with tiny numbers', () => {
  it('reports login percentiles and a throughput ratio taken from the same run', async () => {
    const report = await runAuthBenchmark({
      logins: 3,
      connections: 2,
      warmUpSeconds: 0,
      durationSeconds: 1,
    });

    expect(report.login).toEqual({
      samples: 3,
      p50Ms: expect.any(Number),
      p99Ms: expect.any(Number),
    });
    expect(report.login.p99Ms).toBeGreaterThanOrEqual(report.login.p50Ms);
    for (const measured of [report.unauthenticated, report.protected]) {
      expect(measured.requests).toBeGreaterThan(0);
      expect(measured.requestsPerSecond).toBeGreaterThan(0);
      expect(measured.p99Ms).toBeGreaterThanOrEqual(measured.p50Ms);
    }
    expect(report.ratio).toBeCloseTo(
      report.protected.requestsPerSecond / report.unauthenticated.requestsPerSecond,
    );
    expect(report.target).toBe(0.8);

    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'benchmarks.md');
    writeAuthReport(file, report);
    writeAuthReport(file, report);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown.match(/## auth-service/g)).toHaveLength(1);
    expect(markdown).toContain(`**${report.ratio.toFixed(2)}**`);
  }, 120_000);
});
