import { addTallies, summaryLine } from './tally';

describe('the closing summary line', () => {
  it('adds every step and prints passed and failed counts alone on the line', () => {
    const total = addTallies([
      { passed: 3, failed: 0, skipped: 0 },
      { passed: 9, failed: 2, skipped: 1 },
    ]);
    expect(summaryLine(total)).toBe('12 passed, 2 failed, 1 skipped');
  });

  it('omits skipped tests when there are none', () => {
    expect(summaryLine({ passed: 5, failed: 0, skipped: 0 })).toBe('5 passed, 0 failed');
  });
});
