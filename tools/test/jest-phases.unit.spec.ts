import { globsToMatcher } from 'jest-util';

const { testMatchFor } = jest.requireActual<{ testMatchFor(phase?: string): string[] }>(
  './jest-phases',
);

const phases = ['unit', 'disruptive', 'parallel'] as const;

/** The phases of `npm test` whose testMatch selects the file, matched the way Jest matches it. */
function phasesRunning(file: string): string[] {
  return phases.filter((phase) => globsToMatcher(testMatchFor(phase))(file));
}

describe('the phases of npm test', () => {
  it('runs a unit spec in the unit phase only', () => {
    expect(phasesRunning('/work/apps/auth-service/src/sessions/session.unit.spec.ts')).toEqual([
      'unit',
    ]);
  });

  it('runs a disruptive spec in the disruptive phase only', () => {
    expect(
      phasesRunning('/work/libs/platform/events/test/outbox-relay.disruptive.spec.ts'),
    ).toEqual(['disruptive']);
  });

  it('runs every other spec in the parallel phase only', () => {
    expect(phasesRunning('/work/apps/auth-service/test/service.spec.ts')).toEqual(['parallel']);
  });

  it('runs no file that is not a spec', () => {
    expect(phasesRunning('/work/apps/auth-service/src/sessions/session.ts')).toEqual([]);
  });

  it('runs every spec, unit ones included, when jest is run without a phase', () => {
    const everySpec = globsToMatcher(testMatchFor(undefined));

    expect(everySpec('/work/libs/platform/events/src/retry/backoff.unit.spec.ts')).toBe(true);
    expect(everySpec('/work/tools/infra/lifecycle.disruptive.spec.ts')).toBe(true);
  });
});
