import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import type { Environment } from '../config/environment';
import type { Link } from '../links/link';
import { LinkCatalog } from '../links/link-catalog';
import { shortUrlOf } from '../links/short-url';

// One page of the catalog's keyset pagination per query: memory holds a batch, never the whole list.
const BATCH_SIZE = 500;

export const EXPORT_COLUMNS = [
  'id',
  'code',
  'shortUrl',
  'targetUrl',
  'title',
  'tags',
  'redirectType',
  'forwardQuery',
  'expiresAt',
  'maxVisits',
  'passwordProtected',
  'enabled',
  'blocked',
  'createdAt',
] as const;

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

/** A user's links as CSV, newest first, written as they are read from the database. */
@Injectable()
export class LinkExport {
  private readonly base: string;

  constructor(
    private readonly catalog: LinkCatalog,
    config: AppConfig<Environment>,
  ) {
    this.base = config.get('SHORT_LINK_BASE_URL');
  }

  /** The CSV text, header first; it is read from the database only as fast as it is consumed. */
  csvOf(owner: Principal, onError: (error: Error) => void): Readable {
    return pipeline(
      Readable.from(this.rowsOf(owner)),
      stringify({ header: true, columns: [...EXPORT_COLUMNS] }),
      (error) => error && onError(error),
    );
  }

  private async *rowsOf(owner: Principal): AsyncGenerator<ExportRow> {
    let cursor: string | undefined;
    do {
      const page = await this.catalog.list(owner, { limit: BATCH_SIZE, cursor });
      for (const link of page.items) yield this.rowOf(link);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private rowOf(link: Link): ExportRow {
    return {
      id: link.id,
      code: link.code,
      shortUrl: shortUrlOf(this.base, link.code),
      targetUrl: link.targetUrl,
      title: link.title ?? '',
      // The import's separator: an exported tags cell reads back as the same tags.
      tags: link.tags.join(';'),
      redirectType: link.redirectType,
      forwardQuery: String(link.forwardQuery),
      expiresAt: link.expiresAt?.toISOString() ?? '',
      maxVisits: link.maxVisits ?? '',
      passwordProtected: String(link.passwordProtected),
      enabled: String(link.enabled),
      blocked: String(link.blocked),
      createdAt: link.createdAt.toISOString(),
    };
  }
}
