// Which spec files each phase of `npm test` runs (see jest-phase.ts). Every file belongs to exactly
// one phase, so the closing line counts each test once; plain `npx jest` runs them all.
const unitTests = '**/*.unit.spec.ts';
const disruptiveTests = '**/*.disruptive.spec.ts';

/** Jest's `testMatch` for a phase (CAPSTONE_TEST_PHASE), or for every spec file when there is none. */
function testMatchFor(phase) {
  switch (phase) {
    case 'unit':
      return [unitTests];
    case 'disruptive':
      return [disruptiveTests];
    case 'parallel':
      return ['**/*.spec.ts', `!${unitTests}`, `!${disruptiveTests}`];
    default:
      return ['**/*.spec.ts'];
  }
}

module.exports = { testMatchFor };
