import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binary, runCommand } from '../workspace/command';
import { dataDir } from '../workspace/paths';
import type { Tally } from './tally';

/**
 * Unit tests (`*.unit.spec.ts`) check pure rules without infrastructure, so they run first, through
 * jest.unit.config.js, which leaves out the infrastructure global setup. Disruptive tests stop and
 * restart shared infrastructure (Kafka), so they run alone, in band, before the rest of the suite
 * runs in parallel. jest.preset.js selects the files for each phase.
 */
export type JestPhase = 'unit' | 'disruptive' | 'parallel';

interface JestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
}

export async function runJestPhase(phase: JestPhase): Promise<Tally> {
  const reportDir = join(dataDir, 'test-results');
  mkdirSync(reportDir, { recursive: true });
  const reportFile = join(reportDir, `jest-${phase}.json`);
  const args = ['--ci', '--passWithNoTests', '--json', `--outputFile=${reportFile}`];
  if (phase === 'unit') args.push('--config=jest.unit.config.js');
  args.push(phase === 'disruptive' ? '--runInBand' : '--maxWorkers=2');
  const { exitCode } = await runCommand(binary('jest'), args, {
    env: { CAPSTONE_TEST_PHASE: phase },
  });

  let report: JestJsonReport;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestJsonReport;
  } catch {
    // Jest wrote no report: it could not start at all, which is one failure, not zero tests.
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  return {
    passed: report.numPassedTests,
    // A non-zero exit with no failed test still means the run failed (e.g. open handles, bad config).
    failed: failed === 0 && exitCode !== 0 ? 1 : failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}
