import { eventually } from '../src';

describe('eventually', () => {
  it('resolves with the first result once the attempt stops throwing', async () => {
    let calls = 0;
    const result = await eventually(() => {
      calls += 1;
      if (calls < 3) throw new Error('not yet');
      return 'ready';
    });
    expect(result).toBe('ready');
    expect(calls).toBe(3);
  });

  it('rethrows the last failure, saying how long it waited, once the deadline passes', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('the order never shipped');
        },
        { timeoutMs: 50 },
      ),
    ).rejects.toThrow('still failing after 50 ms: the order never shipped');
  });
});
