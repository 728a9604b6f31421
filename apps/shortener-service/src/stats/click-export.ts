import { Readable, pipeline } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { PrismaService } from '../database/prisma.service';

const PAGE = 1_000;
// Before any click and after any link: the export's bounds when the caller names none.
const BEGINNING = new Date('2000-01-01T00:00:00Z');
const END = new Date('3000-01-01T00:00:00Z');

interface ClickRow {
  id: bigint;
  at: Date;
  referrer_host: string | null;
  browser: string | null;
  os: string | null;
  device: string;
  bot: boolean;
}

const COLUMNS = ['at', 'referrer_host', 'browser', 'os', 'device', 'bot'] as const;

/**
 * A link's individual clicks as CSV, oldest first, read a page at a time after the last row sent
 * (keyset on the (link_id, at, id) index): memory holds one page whatever the link's history, and
 * a client that stops reading stops the reads.
 */
@Injectable()
export class ClickExport {
  private readonly logger = new Logger(ClickExport.name);

  constructor(private readonly prisma: PrismaService) {}

  csv(linkId: string, range: { from?: Date; to?: Date }): Readable {
    const csv = stringify({
      header: true,
      columns: [...COLUMNS],
      // A spreadsheet must not run a value as a formula.
      escape_formulas: true,
      cast: { date: (date) => date.toISOString(), boolean: (bot) => String(bot) },
    });
    return pipeline(Readable.from(this.rows(linkId, range)), csv, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
        this.logger.warn(`click export of ${linkId} failed (${error.message})`);
    });
  }

  private async *rows(
    linkId: string,
    { from = BEGINNING, to = END }: { from?: Date; to?: Date },
  ): AsyncGenerator<Omit<ClickRow, 'id'>> {
    let after = { at: from, id: 0n };
    for (;;) {
      const page = await this.prisma.$queryRaw<ClickRow[]>`
        SELECT id, at, referrer_host, browser, os, device, bot FROM click
         WHERE link_id = ${linkId}::uuid AND at >= ${from} AND at < ${to}
           AND (at, id) > (${after.at}, ${after.id})
         ORDER BY at, id
         LIMIT ${PAGE}`;
      for (const { id: _id, ...row } of page) yield row;
      if (page.length < PAGE) return;
      after = page[page.length - 1];
    }
  }
}
