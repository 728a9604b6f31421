import { Injectable } from '@nestjs/common';
import type { RecordedClick } from '@capstone/contracts';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../database/prisma-transactions';
import { tally } from './click-tally';

/**
 * Adds a batch of clicks to the counters and keeps each click for the export, in the ambient
 * transaction the consumer opened with the batch's processed-event row: a batch counts once, all
 * of it or none. A statement per table, however many clicks.
 */
@Injectable()
export class ClickCounters {
  constructor(private readonly transactions: TransactionHost<PrismaTransactions>) {}

  async add(clicks: readonly RecordedClick[]): Promise<void> {
    const tx = this.transactions.tx;
    const linkIds = [...new Set(clicks.map((click) => click.linkId))].sort();
    // KEY SHARE: a link deleted meanwhile waits for this commit, then takes its counters with it;
    // a link deleted before is skipped here instead of failing the batch on its foreign key.
    const live = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM link WHERE id = ANY(${linkIds}::uuid[]) ORDER BY id FOR KEY SHARE`;
    const liveIds = new Set(live.map((row) => row.id));
    const counted = clicks.filter((click) => liveIds.has(click.linkId));
    if (counted.length === 0) return;
    const { hourly, daily, breakdown } = tally(counted);

    await tx.$executeRaw`
      INSERT INTO click (link_id, at, referrer_host, browser, os, device, bot)
      SELECT * FROM unnest(${counted.map((c) => c.linkId)}::uuid[],
                           ${counted.map((c) => c.at)}::timestamptz[],
                           ${counted.map((c) => c.referrerHost)}::text[],
                           ${counted.map((c) => c.browser)}::text[],
                           ${counted.map((c) => c.os)}::text[],
                           ${counted.map((c) => c.device)}::text[],
                           ${counted.map((c) => c.bot)}::boolean[])`;
    await tx.$executeRaw`
      INSERT INTO click_hourly (link_id, hour, clicks, bots)
      SELECT * FROM unnest(${hourly.map((r) => r.linkId)}::uuid[],
                           ${hourly.map((r) => r.period)}::timestamptz[],
                           ${hourly.map((r) => r.clicks)}::int[],
                           ${hourly.map((r) => r.bots)}::int[])
      ON CONFLICT (link_id, hour) DO UPDATE
        SET clicks = click_hourly.clicks + EXCLUDED.clicks, bots = click_hourly.bots + EXCLUDED.bots`;
    await tx.$executeRaw`
      INSERT INTO click_daily (link_id, day, clicks, bots)
      SELECT * FROM unnest(${daily.map((r) => r.linkId)}::uuid[],
                           ${daily.map((r) => r.period)}::date[],
                           ${daily.map((r) => r.clicks)}::int[],
                           ${daily.map((r) => r.bots)}::int[])
      ON CONFLICT (link_id, day) DO UPDATE
        SET clicks = click_daily.clicks + EXCLUDED.clicks, bots = click_daily.bots + EXCLUDED.bots`;
    if (breakdown.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO click_breakdown (link_id, day, dimension, value, clicks)
      SELECT * FROM unnest(${breakdown.map((r) => r.linkId)}::uuid[],
                           ${breakdown.map((r) => r.day)}::date[],
                           ${breakdown.map((r) => r.dimension)}::text[],
                           ${breakdown.map((r) => r.value)}::text[],
                           ${breakdown.map((r) => r.clicks)}::int[])
      ON CONFLICT (link_id, day, dimension, value) DO UPDATE
        SET clicks = click_breakdown.clicks + EXCLUDED.clicks`;
  }
}
