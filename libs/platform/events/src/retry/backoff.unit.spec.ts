import { backoffDelay } from './backoff';

const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };

describe('retry backoff', () => {
  it('waits the initial delay after the first failure', () => {
    expect(backoffDelay(1, policy)).toBe(100);
  });

  it('doubles the delay with each further consecutive failure', () => {
    expect([2, 3, 4].map((failures) => backoffDelay(failures, policy))).toEqual([200, 400, 800]);
  });

  it('never waits longer than the cap, however many failures there were', () => {
    expect([5, 6, 60].map((failures) => backoffDelay(failures, policy))).toEqual([
      1_000, 1_000, 1_000,
    ]);
  });

  it('treats a count below one as a first failure rather than waiting less than the initial delay', () => {
    expect(backoffDelay(0, policy)).toBe(100);
  });
});
