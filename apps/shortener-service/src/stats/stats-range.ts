export const GRANULARITIES = ['hour', 'day'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const STEP_MS: Record<Granularity, number> = { hour: 3_600_000, day: 86_400_000 };
/** 90 days of hours, ten years of days: a few thousand points at most. */
export const MAX_BUCKETS: Record<Granularity, number> = { hour: 90 * 24, day: 3_660 };
const DEFAULT_BUCKETS: Record<Granularity, number> = { hour: 24, day: 30 };

/** Whole buckets in UTC, `from` included and `to` excluded. */
export interface StatsRange {
  granularity: Granularity;
  from: Date;
  to: Date;
}

export type RangeProblem = 'inverted' | 'too_long';

/**
 * The buckets a statistics request covers: its bounds widened to whole hours or days. Without
 * bounds, the last 24 hours or 30 days up to the current bucket, which is included.
 */
export function statsRange(
  granularity: Granularity,
  requested: { from?: Date; to?: Date },
  now = new Date(),
): StatsRange | { problem: RangeProblem } {
  const step = STEP_MS[granularity];
  const to = Math.ceil((requested.to ?? new Date(now.getTime() + 1)).getTime() / step) * step;
  const from = requested.from
    ? Math.floor(requested.from.getTime() / step) * step
    : to - DEFAULT_BUCKETS[granularity] * step;
  if (from >= to) return { problem: 'inverted' };
  if ((to - from) / step > MAX_BUCKETS[granularity]) return { problem: 'too_long' };
  return { granularity, from: new Date(from), to: new Date(to) };
}

/** Every bucket start of the range, oldest first. */
export function bucketsOf({ granularity, from, to }: StatsRange): Date[] {
  const step = STEP_MS[granularity];
  const buckets: Date[] = [];
  for (let at = from.getTime(); at < to.getTime(); at += step) buckets.push(new Date(at));
  return buckets;
}

/** The UTC days a range touches, as YYYY-MM-DD, `to` excluded: breakdowns are kept by day. */
export function wholeDaysOf({ from, to }: StatsRange): { from: string; to: string } {
  const day = STEP_MS.day;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    from: iso(Math.floor(from.getTime() / day) * day),
    to: iso(Math.ceil(to.getTime() / day) * day),
  };
}
