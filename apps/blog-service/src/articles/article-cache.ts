import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import type { ArticleRecord } from './article-record';

const UNKNOWN_SLUG_TTL_SECONDS = 5;
const keyOf = (slug: string) => `article:${slug}`;

/**
 * Articles by slug, without anything reader-specific. Every write that changes what it holds
 * (edit, delete, favorite count) forgets the entry once its transaction has committed.
 */
@Injectable()
export class ArticleCache {
  private readonly ttlSeconds: number;

  constructor(
    private readonly cache: RedisCache,
    config: AppConfig<Environment>,
  ) {
    this.ttlSeconds = config.get('ARTICLE_CACHE_TTL_SECONDS');
  }

  read(slug: string, load: () => Promise<ArticleRecord | null>): Promise<ArticleRecord | null> {
    // 0 skips Redis and single-flight alike, so every read costs what a miss costs (the blog benchmark's uncached row).
    if (this.ttlSeconds === 0) return load();
    return this.cache.wrap(keyOf(slug), this.ttlSeconds, load, {
      negativeTtlSeconds: Math.min(UNKNOWN_SLUG_TTL_SECONDS, this.ttlSeconds),
    });
  }

  forget(...slugs: string[]): Promise<void> {
    return this.cache.invalidate(...slugs.map(keyOf));
  }
}
