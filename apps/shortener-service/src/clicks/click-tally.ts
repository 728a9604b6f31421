import type { RecordedClick } from '@capstone/contracts';

export const DIMENSIONS = ['referrer', 'browser', 'os', 'device'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

// Parentheses cannot occur in a host name or a parser's name, so these never collide with a real value.
export const DIRECT_VISIT = '(direct)';
export const UNKNOWN = '(unknown)';

const HOUR_MS = 3_600_000;

export interface PeriodCount {
  linkId: string;
  /** The hour's start as an ISO time, or the day as YYYY-MM-DD (UTC). */
  period: string;
  clicks: number;
  bots: number;
}

export interface BreakdownCount {
  linkId: string;
  day: string;
  dimension: Dimension;
  value: string;
  clicks: number;
}

/** A batch of clicks summed per counter row, each row once and in key order (upserts lock rows in that order). */
export interface ClickTally {
  hourly: PeriodCount[];
  daily: PeriodCount[];
  /** People only: a bot's browser says nothing about an audience. */
  breakdown: BreakdownCount[];
}

export function tally(clicks: readonly RecordedClick[]): ClickTally {
  const hourly = new Map<string, PeriodCount>();
  const daily = new Map<string, PeriodCount>();
  const breakdown = new Map<string, BreakdownCount>();
  for (const click of clicks) {
    const hour = new Date(Math.floor(Date.parse(click.at) / HOUR_MS) * HOUR_MS).toISOString();
    const day = hour.slice(0, 10);
    countPeriod(hourly, click, hour);
    countPeriod(daily, click, day);
    if (click.bot) continue;
    const values: Record<Dimension, string> = {
      referrer: click.referrerHost ?? DIRECT_VISIT,
      browser: click.browser ?? UNKNOWN,
      os: click.os ?? UNKNOWN,
      device: click.device,
    };
    for (const dimension of DIMENSIONS) {
      const value = values[dimension];
      const key = `${click.linkId} ${day} ${dimension} ${value}`;
      const row = breakdown.get(key) ?? { linkId: click.linkId, day, dimension, value, clicks: 0 };
      row.clicks += 1;
      breakdown.set(key, row);
    }
  }
  return { hourly: sorted(hourly), daily: sorted(daily), breakdown: sorted(breakdown) };
}

function countPeriod(rows: Map<string, PeriodCount>, click: RecordedClick, period: string): void {
  const key = `${click.linkId} ${period}`;
  const row = rows.get(key) ?? { linkId: click.linkId, period, clicks: 0, bots: 0 };
  if (click.bot) row.bots += 1;
  else row.clicks += 1;
  rows.set(key, row);
}

function sorted<T>(rows: Map<string, T>): T[] {
  return [...rows.keys()].sort().map((key) => rows.get(key)!);
}
