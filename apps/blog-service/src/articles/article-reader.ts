import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { NotFoundError } from '@capstone/platform/http';
import { isVisible } from '../authors/author';
import { authorOf } from '../authors/author-row';
import { Authors } from '../authors/authors';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { profileOf } from '../profiles/profile';
import { ArticleCache } from './article-cache';
import {
  ArticleListCache,
  type ListedPage,
  type ListedRecord,
  type ListPageKey,
} from './article-list-cache';
import {
  articleRecordOf,
  articleViewOf,
  type ArticleRecord,
  type ArticleView,
} from './article-record';
import { ReaderFlagCache } from './reader-flag-cache';

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

const NO_ARTICLES: ArticleList = { articles: [], articlesCount: 0 };
// Articles of disabled authors are hidden wherever articles are shown.
const SHOWN: Prisma.ArticleWhereInput = { author: { status: { not: 'disabled' } } };
// What a listed article is read with: its author, never its body.
const LISTED = {
  omit: { body: true, bodyHtml: true },
  include: { author: true },
} as const satisfies Prisma.ArticleDefaultArgs;
type ListedRow = Prisma.ArticleGetPayload<typeof LISTED>;

/**
 * Every way articles are read. A list page is cached for every reader alike (ArticleListCache);
 * what one reader sees of it, their favorites and follows, is cached per reader (ReaderFlagCache).
 */
@Injectable()
export class ArticleReader {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: ArticleCache,
    private readonly lists: ArticleListCache,
    private readonly authors: Authors,
    private readonly flags: ReaderFlagCache,
  ) {}

  async bySlug(slug: string, reader?: Principal): Promise<ArticleView> {
    const record = await this.record(slug);
    const author = await this.authors.byId(record.authorId);
    if (!author || !isVisible(author)) throw articleNotFound(slug);
    const { favorited, followed } = await this.flags.among(
      reader?.userId,
      [record.id],
      [author.id],
    );
    return articleViewOf(
      record,
      profileOf(author, followed.has(author.id)),
      favorited.has(record.id),
    );
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
    const key = await this.pageKeyOf(filter, page);
    if (!key) return NO_ARTICLES;
    const listed = await this.lists.read(key, () => this.page(whereOf(key), page));
    return { ...listed, articles: await this.withReaderFlags(listed.articles, reader) };
  }

  /** Articles by the authors the reader follows, newest first; one reader's own, so not cached. */
  async feed(reader: Principal, page: PageRequest): Promise<ArticleList> {
    const where: Prisma.ArticleWhereInput = {
      AND: [SHOWN, { author: { followers: { some: { followerId: reader.userId } } } }],
    };
    const listed = await this.page(where, page);
    return { ...listed, articles: await this.withReaderFlags(listed.articles, reader) };
  }

  /** The page's key, its usernames resolved to authors; undefined when one names nobody. */
  private async pageKeyOf(
    filter: ArticleFilter,
    { limit, offset }: PageRequest,
  ): Promise<ListPageKey | undefined> {
    const [author, favoritedBy] = await Promise.all([
      filter.author === undefined ? undefined : this.authors.byUsername(filter.author),
      filter.favorited === undefined ? undefined : this.authors.byUsername(filter.favorited),
    ]);
    if (
      (filter.author !== undefined && !author) ||
      (filter.favorited !== undefined && !favoritedBy)
    )
      return undefined;
    return { tag: filter.tag, authorId: author?.id, favoritedById: favoritedBy?.id, limit, offset };
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
    const byId = new Map(rows.map((row) => [row.id, listedRecordOf(row)]));
    return this.withReaderFlags(
      ids.flatMap((id) => byId.get(id) ?? []),
      reader,
    );
  }

  /** A page with its authors and the count of every match: the same statements whatever its size. */
  private async page(
    where: Prisma.ArticleWhereInput,
    { limit, offset }: PageRequest,
  ): Promise<ListedPage> {
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
    return { articlesCount, articles: rows.map(listedRecordOf) };
  }

  private async withReaderFlags(
    records: ListedRecord[],
    reader?: Principal,
  ): Promise<ListedArticle[]> {
    const { favorited, followed } = await this.flags.among(
      reader?.userId,
      records.map((record) => record.id),
      records.map((record) => record.author.id),
    );
    return records.map(({ author, ...article }) => ({
      ...article,
      favorited: favorited.has(article.id),
      author: profileOf(author, followed.has(author.id)),
    }));
  }
}

function whereOf({ tag, authorId, favoritedById }: ListPageKey): Prisma.ArticleWhereInput {
  return {
    AND: [
      SHOWN,
      {
        ...(tag !== undefined ? { tagList: { has: tag } } : {}),
        ...(authorId ? { authorId } : {}),
        ...(favoritedById ? { favorites: { some: { userId: favoritedById } } } : {}),
      },
    ],
  };
}

function listedRecordOf({
  author,
  authorId: _authorId,
  createdAt,
  updatedAt,
  ...article
}: ListedRow): ListedRecord {
  return {
    ...article,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    author: authorOf(author),
  };
}

export function articleNotFound(slug: string): NotFoundError {
  return new NotFoundError(`No article has the slug ${slug}`, { code: 'article_not_found' });
}
