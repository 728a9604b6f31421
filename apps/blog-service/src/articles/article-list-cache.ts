import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import type { Author } from '../authors/author';
import type { ListedArticle } from './article-reader';

/** A listed article as every reader sees it: the reader's own flags are added per request. */
export interface ListedRecord extends Omit<ListedArticle, 'favorited' | 'author'> {
  author: Author;
}

/** A page of a list, free of any reader: what the cache holds. */
export interface ListedPage {
  articles: ListedRecord[];
  /** Every match, not just this page. */
  articlesCount: number;
}

/** Which page of which list: the filter already resolved to ids, so a rename cannot alias two authors. */
export interface ListPageKey {
  tag?: string;
  authorId?: string;
  favoritedById?: string;
  limit: number;
  offset: number;
}

const FAMILY = 'article-lists';
// Only a Redis outage during a write can leave a page stale (its invalidation is lost); this bounds it.
const TTL_SECONDS = 60;

/**
 * List pages, every filter and offset, as one cache family: any write that can change any page
 * (an article published, revised or deleted, a favorite, an author's projection or cover) forgets
 * them all with one Redis command once it has committed, so the next request shows the write, and
 * a page loaded before it can never be read again (ADR 0014).
 */
@Injectable()
export class ArticleListCache {
  constructor(private readonly cache: RedisCache) {}

  read(key: ListPageKey, load: () => Promise<ListedPage>): Promise<ListedPage> {
    return this.cache.wrapInFamily(FAMILY, keyOf(key), TTL_SECONDS, load);
  }

  forgetAll(): Promise<void> {
    return this.cache.invalidateFamily(FAMILY);
  }
}

function keyOf({ tag, authorId, favoritedById, limit, offset }: ListPageKey): string {
  // JSON, so no tag (free text) can fake another filter's key.
  return JSON.stringify([tag ?? null, authorId ?? null, favoritedById ?? null, limit, offset]);
}
