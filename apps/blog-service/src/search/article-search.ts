import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import sanitizeHtml from 'sanitize-html';
import { ArticleReader, type ListedArticle } from '../articles/article-reader';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import { cursorAt, positionOf, type SearchPosition } from './search-cursor';

export interface SearchRequest {
  /** Web-search syntax: words, "quoted phrases", `or`, `-excluded`. */
  q: string;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** Where an article matched, as HTML: its text escaped, the matching words in `<mark>`. */
export interface Highlight {
  title: string;
  body: string;
}

export interface SearchHit extends ListedArticle {
  highlight: Highlight;
}

export interface SearchPage {
  items: SearchHit[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

interface RankedRow {
  id: string;
  rank: number;
  createdAt: Date;
  titleHtml: string;
  bodyHtml: string;
}

const TITLE_HEADLINE = 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true';
const BODY_HEADLINE =
  'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "';
// The database escapes the text before highlighting, so what the author wrote shows as written;
// this allow-list is the guarantee that nothing but the highlighter's own <mark> comes back.
const ONLY_MARKS: sanitizeHtml.IOptions = { allowedTags: ['mark'], allowedAttributes: {} };

/**
 * Full-text search over the `article.search` document the database keeps (title and tags weigh
 * most, then the description, then the body), best match first. One statement ranks, pages and
 * highlights; the page then reads like any article list.
 */
@Injectable()
export class ArticleSearch {
  constructor(
    private readonly prisma: PrismaService,
    private readonly articles: ArticleReader,
  ) {}

  async search({ q, limit, cursor }: SearchRequest, reader?: Principal): Promise<SearchPage> {
    const after = cursor === undefined ? undefined : positionOf(cursor);
    const rows = await this.ranked(q, limit + 1, after);
    const page = rows.slice(0, limit);
    const articles = await this.articles.listedAmong(
      page.map((row) => row.id),
      reader,
    );
    const listed = new Map(articles.map((article) => [article.id, article]));
    const last = page.at(-1);
    return {
      // An article deleted, or its author disabled, since the ranking is left out, not shown stale.
      items: page.flatMap((row) => {
        const article = listed.get(row.id);
        if (!article) return [];
        return [
          { ...article, highlight: { title: marked(row.titleHtml), body: marked(row.bodyHtml) } },
        ];
      }),
      nextCursor:
        rows.length > limit && last
          ? cursorAt({ rank: last.rank, createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  /**
   * `limit` matches after `after`, ordered by rank, then newest, then id: the id makes the order
   * total, so ties in rank and time still page without a hit seen twice or skipped.
   */
  private ranked(q: string, limit: number, after?: SearchPosition): Promise<RankedRow[]> {
    const terms = Prisma.sql`websearch_to_tsquery('english', ${q})`;
    const rank = Prisma.sql`ts_rank_cd(article.search, ${terms})`;
    // A real against a real: the cursor's rank is the column's own value, so ties compare equal.
    const pastCursor = after
      ? Prisma.sql`AND (${rank}, article.created_at, article.id)
          < (${after.rank}::real, ${after.createdAt}::timestamptz, ${after.id}::uuid)`
      : Prisma.empty;
    return this.prisma.$queryRaw<RankedRow[]>`
      SELECT page.id, page.rank, page.created_at AS "createdAt",
             ts_headline('english', ${escaped(Prisma.sql`article.title`)}, ${terms}, ${TITLE_HEADLINE})
               AS "titleHtml",
             ts_headline('english', ${escaped(Prisma.sql`article.body`)}, ${terms}, ${BODY_HEADLINE})
               AS "bodyHtml"
      FROM (
        SELECT article.id, article.created_at, ${rank} AS rank
        FROM article JOIN author ON author.id = article.author_id
        WHERE article.search @@ ${terms} AND author.status <> 'disabled' ${pastCursor}
        ORDER BY rank DESC, article.created_at DESC, article.id DESC
        LIMIT ${limit}
      ) AS page
      JOIN article ON article.id = page.id
      ORDER BY page.rank DESC, page.created_at DESC, page.id DESC`;
  }
}

/** Text as HTML element content: ts_headline copies its input verbatim, markup and all. */
function escaped(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
}

function marked(html: string): string {
  return sanitizeHtml(html, ONLY_MARKS);
}
