/**
 * `npm test`: the whole verification a change must pass, in the order a failure is cheapest to see.
 * Unit tests of pure rules run first, in seconds, before any server; then infrastructure is ensured
 * (the same tool `npm start` uses), and whatever this run had to start is stopped again at the end
 * unless CAPSTONE_KEEP_INFRA=1.
 */
import { infraDown, infraUp, type Component } from '../infra';
import { allPrismaProjects, deployAll, generateClients } from '../db';
import { findSharedModelDrift, syncSharedPrismaModels } from '../prisma-shared';
import { checkFormatting } from './formatting';
import { runJestPhase } from './jest-phase';
import { runNxChecks } from './nx-checks';
import { addTallies, emptyTally, summaryLine, type Tally } from './tally';

// Non-interactive, reproducible Nx: no daemon, no terminal UI.
process.env.NX_DAEMON = 'false';
process.env.NX_TUI = 'false';

interface StepOutcome {
  name: string;
  tally: Tally;
  seconds: number;
}

async function step(name: string, work: () => Promise<Tally>): Promise<StepOutcome> {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let tally: Tally;
  try {
    tally = await work();
  } catch (error) {
    console.error(`✗ ${name}: ${(error as Error).message}`);
    tally = { passed: 0, failed: 1, skipped: 0 };
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  console.log(`── ${name}: ${summaryLine(tally)} (${seconds}s)`);
  return { name, tally, seconds };
}

/** Locally the copies of prisma/_shared are refreshed; in CI a stale committed copy is a failure. */
function syncSharedModelsOrFailInCi(): void {
  if (process.env.CI !== 'true') {
    syncSharedPrismaModels();
    return;
  }
  const drift = findSharedModelDrift();
  const stale = [...drift.written, ...drift.removed];
  if (stale.length > 0)
    throw new Error(`shared Prisma models are out of date in: ${stale.join(', ')}`);
}

async function main(): Promise<number> {
  const outcomes: StepOutcome[] = [];
  let startedNow: Component[] = [];

  outcomes.push(await step('Unit tests', () => runJestPhase('unit')));
  const infrastructure = await step('Infrastructure', async () => {
    // infraUp resolves only once every component is healthy; otherwise it throws.
    startedNow = (await infraUp({ log: (line) => console.log(`  ${line}`) })).startedNow;
    return emptyTally;
  });
  outcomes.push(infrastructure);

  if (infrastructure.tally.failed === 0) {
    outcomes.push(
      await step('Database clients and migrations', async () => {
        syncSharedModelsOrFailInCi();
        await generateClients(allPrismaProjects(), (line) => console.log(`  ${line}`));
        await deployAll(undefined, (line) => console.log(`  ${line}`));
        return emptyTally;
      }),
    );
    outcomes.push(await step('Formatting', checkFormatting));
    outcomes.push(await step('Lint, typecheck, build', runNxChecks));
    outcomes.push(await step('Disruptive tests (in band)', () => runJestPhase('disruptive')));
    outcomes.push(await step('Tests', () => runJestPhase('parallel')));
  }

  if (startedNow.length > 0 && process.env.CAPSTONE_KEEP_INFRA !== '1') {
    await infraDown({ only: startedNow, log: (line) => console.log(`  ${line}`) });
  }

  console.log('\n━━ Summary ━━');
  for (const outcome of outcomes) {
    console.log(
      `  ${outcome.name.padEnd(34)} ${summaryLine(outcome.tally).padEnd(32)} ${outcome.seconds}s`,
    );
  }
  const total = addTallies(outcomes.map((outcome) => outcome.tally));
  console.log(summaryLine(total));
  return total.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
    process.exit(1);
  },
);
