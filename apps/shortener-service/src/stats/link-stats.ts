import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Dimension } from '../clicks/click-tally';
import { bucketsOf, wholeDaysOf, type StatsRange } from './stats-range';

export interface BreakdownEntry {
  value: string;
  clicks: number;
}

export interface LinkStatistics {
  total: number;
  bots: number;
  series: { at: Date; clicks: number }[];
  breakdowns: Record<Dimension, BreakdownEntry[]>;
}

/** A link's counters over a range: people's clicks by bucket and by dimension, bots only as a count. */
@Injectable()
export class LinkStats {
  constructor(private readonly prisma: PrismaService) {}

  async of(linkId: string, range: StatsRange, top: number): Promise<LinkStatistics> {
    // Breakdowns are kept by day: an hourly range reads the whole days it touches. Ties go by
    // code point, so the order is the same whatever the database's collation.
    const days = wholeDaysOf(range);
    const [counts, ranked] = await Promise.all([
      this.counts(linkId, range),
      this.prisma.$queryRaw<{ dimension: Dimension; value: string; clicks: number }[]>`
        SELECT dimension, value, clicks FROM (
          SELECT dimension, value, SUM(clicks)::int AS clicks,
                 ROW_NUMBER() OVER (PARTITION BY dimension ORDER BY SUM(clicks) DESC, value COLLATE "C") AS rank
            FROM click_breakdown
           WHERE link_id = ${linkId}::uuid AND day >= ${days.from}::date AND day < ${days.to}::date
           GROUP BY dimension, value) ranked
         WHERE rank <= ${top}
         ORDER BY dimension, rank`,
    ]);
    const byBucket = new Map(counts.map((row) => [row.at.getTime(), row]));
    const breakdowns: Record<Dimension, BreakdownEntry[]> = {
      referrer: [],
      browser: [],
      os: [],
      device: [],
    };
    for (const { dimension, value, clicks } of ranked)
      breakdowns[dimension].push({ value, clicks });
    return {
      total: counts.reduce((sum, row) => sum + row.clicks, 0),
      bots: counts.reduce((sum, row) => sum + row.bots, 0),
      series: bucketsOf(range).map((at) => ({
        at,
        clicks: byBucket.get(at.getTime())?.clicks ?? 0,
      })),
      breakdowns,
    };
  }

  private async counts(
    linkId: string,
    { granularity, from, to }: StatsRange,
  ): Promise<{ at: Date; clicks: number; bots: number }[]> {
    if (granularity === 'hour') {
      const rows = await this.prisma.clickHourly.findMany({
        where: { linkId, hour: { gte: from, lt: to } },
      });
      return rows.map((row) => ({ at: row.hour, clicks: row.clicks, bots: row.bots }));
    }
    const rows = await this.prisma.clickDaily.findMany({
      where: { linkId, day: { gte: from, lt: to } },
    });
    return rows.map((row) => ({ at: row.day, clicks: row.clicks, bots: row.bots }));
  }
}
