import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { NotFoundError } from '@capstone/platform/http';
import { isVisible } from '../authors/author';
import { authorOf } from '../authors/author-row';
import { Authors } from '../authors/authors';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { FavoriteLedger } from '../favorites/favorite-ledger';
import { FollowGraph } from '../profiles/follow-graph';
import { profileOf } from '../profiles/profile';
import { ArticleCache } from './article-cache';
import {
  articleRecordOf,
  articleViewOf,
  type ArticleRecord,
  type ArticleView,
} from './article-record';

export interface ArticleFilter {
  tag?: string;
  /** A username. */
  author?: string;
  /** A username: articles that user favorited. */
  favorited?: string;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

export type ListedArticle = Omit<ArticleView, 'body' | 'bodyHtml'>;

export interface ArticleList {
  articles: ListedArticle[];
  /** Every match, not just this page. */
  articlesCount: number;
}

const NOTHING: Prisma.ArticleWhereInput = { id: { in: [] } };
// Articles of disabled authors are hidden wherever articles are shown.
const SHOWN: Prisma.ArticleWhereInput = { author: { status: { not: 'disabled' } } };
// What a listed article is read with: its author, never its body.
const LISTED = {
  omit: { body: true, bodyHtml: true },
  include: { author: true },
} as const satisfies Prisma.ArticleDefaultArgs;
type ListedRow = Prisma.ArticleGetPayload<typeof LISTED>;

/**
 * Every way articles are read. A page costs the same few statements whatever its size: the page
 * with its authors, the count, and the reader's favorites and follows among them.
 */
@Injectable()
export class ArticleReader {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: ArticleCache,
    private readonly authors: Authors,
    private readonly favorites: FavoriteLedger,
    private readonly follows: FollowGraph,
  ) {}

  async bySlug(slug: string, reader?: Principal): Promise<ArticleView> {
    const record = await this.record(slug);
    const author = await this.authors.byId(record.authorId);
    if (!author || !isVisible(author)) throw articleNotFound(slug);
    const [favorited, following] = await Promise.all([
      this.favorites.favoritedAmong(reader?.userId, [record.id]),
      this.follows.follows(reader?.userId, author.id),
    ]);
    return articleViewOf(record, profileOf(author, following), favorited.has(record.id));
  }

  /** The stored article, cached; throws the RealWorld "article not found" when there is none. */
  async record(slug: string): Promise<ArticleRecord> {
    const record = await this.cache.read(slug, async () => {
      const row = await this.prisma.article.findUnique({ where: { slug } });
      return row ? articleRecordOf(row) : null;
    });
    if (!record) throw articleNotFound(slug);
    return record;
  }

  /** The bodies lists leave out, for a page of listed articles in one statement (GraphQL asks). */
  async bodiesOf(
    articleIds: readonly string[],
  ): Promise<Map<string, Pick<ArticleRecord, 'body' | 'bodyHtml'>>> {
    const rows = await this.prisma.article.findMany({
      where: { id: { in: [...articleIds] } },
      select: { id: true, body: true, bodyHtml: true },
    });
    return new Map(rows.map(({ id, ...bodies }) => [id, bodies]));
  }

  async list(filter: ArticleFilter, page: PageRequest, reader?: Principal): Promise<ArticleList> {
    return this.page({ AND: [SHOWN, await this.matching(filter)] }, page, reader);
  }

  /** Articles by the authors the reader follows, newest first. */
  async feed(reader: Principal, page: PageRequest): Promise<ArticleList> {
    const where: Prisma.ArticleWhereInput = {
      AND: [SHOWN, { author: { followers: { some: { followerId: reader.userId } } } }],
    };
    return this.page(where, page, reader);
  }

  private async matching(filter: ArticleFilter): Promise<Prisma.ArticleWhereInput> {
    const [author, favoritedBy] = await Promise.all([
      filter.author === undefined ? undefined : this.authors.byUsername(filter.author),
      filter.favorited === undefined ? undefined : this.authors.byUsername(filter.favorited),
    ]);
    if (
      (filter.author !== undefined && !author) ||
      (filter.favorited !== undefined && !favoritedBy)
    )
      return NOTHING;
    return {
      ...(filter.tag !== undefined ? { tagList: { has: filter.tag } } : {}),
      ...(author ? { authorId: author.id } : {}),
      ...(favoritedBy ? { favorites: { some: { userId: favoritedBy.id } } } : {}),
    };
  }

  /**
   * These articles as lists show them, in the order of `ids`, leaving out any no longer shown:
   * for pages ordered elsewhere, as search orders its hits by rank.
   */
  async listedAmong(ids: string[], reader?: Principal): Promise<ListedArticle[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.article.findMany({
      where: { AND: [SHOWN, { id: { in: ids } }] },
      ...LISTED,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return this.listed(
      ids.flatMap((id) => byId.get(id) ?? []),
      reader,
    );
  }

  private async page(
    where: Prisma.ArticleWhereInput,
    { limit, offset }: PageRequest,
    reader?: Principal,
  ): Promise<ArticleList> {
    const [rows, articlesCount] = await Promise.all([
      this.prisma.article.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: offset,
        take: limit,
        ...LISTED,
      }),
      this.prisma.article.count({ where }),
    ]);
    return { articlesCount, articles: await this.listed(rows, reader) };
  }

  /** The reader's favorites and follows among the rows, in one statement each whatever their number. */
  private async listed(rows: ListedRow[], reader?: Principal): Promise<ListedArticle[]> {
    const [favorited, followed] = await Promise.all([
      this.favorites.favoritedAmong(
        reader?.userId,
        rows.map((row) => row.id),
      ),
      this.follows.followedAmong(
        reader?.userId,
        rows.map((row) => row.authorId),
      ),
    ]);
    return rows.map(({ author, authorId: _authorId, createdAt, updatedAt, ...article }) => ({
      ...article,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      favorited: favorited.has(article.id),
      author: profileOf(authorOf(author), followed.has(author.id)),
    }));
  }
}

export function articleNotFound(slug: string): NotFoundError {
  return new NotFoundError(`No article has the slug ${slug}`, { code: 'article_not_found' });
}
