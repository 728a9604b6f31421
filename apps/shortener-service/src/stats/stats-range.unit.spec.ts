import { bucketsOf, statsRange, wholeDaysOf, type StatsRange } from './stats-range';

const now = new Date('2026-12-01T10:30:00Z');

describe('statistics ranges', () => {
  it('default to the last 30 days, or 24 hours, up to and including the current one', () => {
    expect(statsRange('day', {}, now)).toEqual({
      granularity: 'day',
      from: new Date('2026-11-02T00:00:00Z'),
      to: new Date('2026-12-02T00:00:00Z'),
    });
    expect(statsRange('hour', {}, now)).toEqual({
      granularity: 'hour',
      from: new Date('2026-11-30T11:00:00Z'),
      to: new Date('2026-12-01T11:00:00Z'),
    });
  });

  it('widen the bounds given to whole buckets', () => {
    const range = statsRange(
      'hour',
      { from: new Date('2026-12-01T08:20:00Z'), to: new Date('2026-12-01T09:10:00Z') },
      now,
    ) as StatsRange;
    expect(bucketsOf(range)).toEqual([
      new Date('2026-12-01T08:00:00Z'),
      new Date('2026-12-01T09:00:00Z'),
    ]);
    expect(wholeDaysOf(range)).toEqual({ from: '2026-12-01', to: '2026-12-02' });
  });

  it('refuse a range that ends before it starts', () => {
    expect(
      statsRange('day', { from: new Date('2026-12-01Z'), to: new Date('2026-11-01Z') }, now),
    ).toEqual({ problem: 'inverted' });
  });

  it('refuse more than 90 days by hour, but take them by day', () => {
    const requested = { from: new Date('2026-08-01Z'), to: new Date('2026-11-30Z') };
    expect(statsRange('hour', requested, now)).toEqual({ problem: 'too_long' });
    expect(statsRange('day', requested, now)).toMatchObject({ granularity: 'day' });
  });
});
