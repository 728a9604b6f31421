import type { RecordedVisits, SealedBatch } from './click-batch';
import { ClickBuffer } from './click-buffer';

let sealed = 0;
const toBatch = (visits: RecordedVisits): SealedBatch => ({
  id: `batch-${(sealed += 1)}`,
  clicks: visits.linkIds.length,
  value: visits.linkIds.join(','),
});

const filled = (capacity: number, batchSize: number, clicks: number) => {
  const buffer = new ClickBuffer(capacity, batchSize);
  for (let i = 0; i < clicks; i += 1) buffer.add(`link-${i}`, i, 'agent', undefined);
  return buffer;
};

describe('the click buffer', () => {
  it('seals recorded visits into batches of at most the batch size, in order', () => {
    const buffer = filled(100, 4, 10);
    buffer.seal(toBatch);
    const batches = buffer.takeAll();
    expect(batches.map((batch) => batch.clicks)).toEqual([4, 4, 2]);
    expect(batches[0].value).toBe('link-0,link-1,link-2,link-3');
    expect(buffer.unsealed).toBe(0);
  });

  it('keeps the remainder of a partial batch back when asked for full batches only', () => {
    const buffer = filled(100, 4, 10);
    buffer.seal(toBatch, { fullOnly: true });
    expect(buffer.takeAll().map((batch) => batch.clicks)).toEqual([4, 4]);
    expect(buffer.unsealed).toBe(2);
    buffer.seal(toBatch);
    expect(buffer.takeAll()[0].value).toBe('link-8,link-9');
  });

  it('refuses a visit once it holds its capacity, sealed or not, until batches settle', () => {
    const buffer = filled(6, 4, 6);
    expect(buffer.add('one-more', 0)).toBe(false);
    buffer.seal(toBatch);
    const taken = buffer.take(Number.MAX_SAFE_INTEGER);
    expect(buffer.size).toBe(6); // out with a send, not yet acknowledged
    expect(buffer.add('one-more', 0)).toBe(false);
    buffer.settle(taken);
    expect(buffer.size).toBe(0);
    expect(buffer.add('one-more', 0)).toBe(true);
  });

  it('puts batches that could not be handed over back first in line', () => {
    const buffer = filled(100, 2, 6);
    buffer.seal(toBatch);
    const first = buffer.take(1);
    expect(first).toHaveLength(1);
    buffer.putBack(first);
    expect(buffer.takeAll()[0]).toBe(first[0]);
  });

  it('takes as many waiting batches as fit in the size given, and always at least one', () => {
    const buffer = filled(100, 2, 8);
    buffer.seal(toBatch);
    const oneBatchChars = 'link-0,link-1'.length;
    expect(buffer.take(oneBatchChars * 2 + 1)).toHaveLength(2);
    expect(buffer.take(1)).toHaveLength(1);
    expect(buffer.waitingBatches).toBe(1);
  });
});
