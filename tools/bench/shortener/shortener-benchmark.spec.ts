import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runShortenerBenchmark } from './shortener-benchmark';
import { writeShortenerReport } from './shortener-report';

describe('the shortener benchmark, for a second per target at 200 requests a second', () => {
  it('measures both servers, counts the clicks, profiles the service and reports sane, self-consistent figures', async () => {
    const stages: string[] = [];
    const report = await runShortenerBenchmark(
      {
        connections: 4,
        warmUpSeconds: 0,
        durationSeconds: 1,
        fixedRate: 200,
        clicksWithinMs: 30_000,
      },
      (line) => stages.push(line),
    );

    for (const target of [
      report.bare,
      report.shortener,
      report.shortenerProfiled,
      report.shortenerQuiet,
    ]) {
      expect(target.requests).toBeGreaterThan(0);
      expect(target.requestsPerSecond).toBeGreaterThan(0);
      expect(target.p99Ms).toBeGreaterThanOrEqual(target.p50Ms);
      expect(target.overBare).toBeCloseTo(target.requestsPerSecond / report.bare.requestsPerSecond);
      expect(target.cpuUsPerRequest).toBeGreaterThan(0);
    }
    // A fixed rate is a fixed count: every one of its requests answered.
    for (const target of [
      report.bareAtFixedRate,
      report.shortenerAtFixedRate,
      report.bareAtPacedRate,
      report.shortenerAtPacedRate,
    ]) {
      expect(target.requests).toBe(200);
      expect(target.p99Ms).toBeGreaterThanOrEqual(target.p50Ms);
    }
    expect(report.clicks).toEqual({ redirects: 201, counted: 201 });
    expect(report.peakResidentBytes).toBeGreaterThan(10 * 2 ** 20);

    const { profile } = report;
    expect(profile.requests).toBe(report.shortenerProfiled.requests);
    expect(profile.busyMs).toBeGreaterThan(0);
    expect(profile.busyMs).toBeLessThanOrEqual(profile.windowMs);
    expect(profile.byFunction.length).toBeGreaterThan(0);
    // The source map names the workspace's own code, not the bundle's lines.
    expect(profile.byModule.map(({ module }) => module)).toContainEqual(
      expect.stringMatching(/^(apps\/shortener-service|libs\/platform)/),
    );
    expect(stages).toContainEqual(
      expect.stringMatching(/^shortener-service \(LOG_LEVEL=warn\): ready after \d+ ms/),
    );

    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'benchmarks.md');
    writeShortenerReport(file, report);
    writeShortenerReport(file, report);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown.match(/<!-- bench:shortener:begin -->/g)).toHaveLength(1);
    expect(markdown).toContain(`**${report.shortener.overBare.toFixed(2)}**`);
    expect(markdown).toContain('| clicks counted (fixed-rate link) | **201** |');
  }, 240_000);
});
