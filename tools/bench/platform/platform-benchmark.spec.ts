import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTBOX_SHAPES } from './outbox-throughput';
import { runPlatformBenchmark } from './platform-benchmark';
import { writePlatformReport } from './platform-report';

describe('the platform benchmark, for a second per target and 500 events per outbox shape', () => {
  it('measures every target in one run and reports sane, self-consistent figures', async () => {
    const stages: string[] = [];
    const report = await runPlatformBenchmark(
      { connections: 4, warmUpSeconds: 0, durationSeconds: 1, outboxEvents: 500 },
      (line) => stages.push(line),
    );

    const targets = [
      report.bare,
      report.minimalFastify,
      report.fullPlatform,
      report.protectedWithMemo,
      report.protectedWithoutMemo,
    ];
    for (const target of targets) {
      expect(target.requests).toBeGreaterThan(0);
      expect(target.requestsPerSecond).toBeGreaterThan(0);
      expect(target.p99Ms).toBeGreaterThanOrEqual(target.p50Ms);
    }
    expect(report.ratios.platformOverFramework).toBeCloseTo(
      report.fullPlatform.requestsPerSecond / report.minimalFastify.requestsPerSecond,
    );
    for (const ratio of Object.values(report.ratios)) expect(Number.isFinite(ratio)).toBe(true);
    expect(report.service.readyAfterMs).toBeGreaterThan(0);
    expect(report.service.residentBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(stages).toContainEqual(expect.stringMatching(/^auth-service: ready after \d+ ms/));

    expect(report.outbox).toHaveLength(OUTBOX_SHAPES.length);
    for (const outbox of report.outbox) {
      expect(outbox.events).toBe(500);
      // The driver fails unless every event was stamped published; the broker must hold them too.
      expect(outbox.brokerMessages).toBeGreaterThanOrEqual(outbox.warmUpEvents + outbox.events);
      expect(outbox.eventsPerSecond).toBeGreaterThan(0);
      expect(outbox.p50Ms).toBeGreaterThan(0);
      expect(outbox.p99Ms).toBeGreaterThanOrEqual(outbox.p50Ms);
      expect(outbox.maxMs).toBeGreaterThanOrEqual(outbox.p99Ms);
      // Paced writers start their last transaction only when the schedule says, so never run ahead of it.
      if (outbox.offeredPerSecond)
        expect(outbox.committedPerSecond).toBeLessThan(1.1 * outbox.offeredPerSecond);
    }

    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'benchmarks.md');
    writePlatformReport(file, report);
    writePlatformReport(file, report);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown.match(/<!-- bench:platform:begin -->/g)).toHaveLength(1);
    expect(markdown).toContain(`**${report.ratios.platformOverFramework.toFixed(2)}**`);
    expect(markdown).toContain(`**${report.outbox[0].eventsPerSecond.toFixed(0)}**`);
  }, 120_000);
});
