import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import type { ArticleRecord } from './article-record';

const TTL_SECONDS = 300;
const UNKNOWN_SLUG_TTL_SECONDS = 5;
const keyOf = (slug: string) => `article:${slug}`;

/**
 * Articles by slug, without anything reader-specific. Every write that changes what it holds
 * (edit, delete, favorite count) forgets the entry once its transaction has committed.
 */
@Injectable()
export class ArticleCache {
  constructor(private readonly cache: RedisCache) {}

  read(slug: string, load: () => Promise<ArticleRecord | null>): Promise<ArticleRecord | null> {
    return this.cache.wrap(keyOf(slug), TTL_SECONDS, load, {
      negativeTtlSeconds: UNKNOWN_SLUG_TTL_SECONDS,
    });
  }

  forget(...slugs: string[]): Promise<void> {
    return this.cache.invalidate(...slugs.map(keyOf));
  }
}
