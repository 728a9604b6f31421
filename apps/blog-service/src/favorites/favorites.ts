import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ArticleFavorited } from '@capstone/contracts';
import type { Principal } from '@capstone/platform/auth';
import { Outbox } from '@capstone/platform/events';
import { ArticleCache } from '../articles/article-cache';
import { ArticleListCache } from '../articles/article-list-cache';
import { ArticleReader } from '../articles/article-reader';
import type { ArticleView } from '../articles/article-record';
import { ReaderFlagCache } from '../articles/reader-flag-cache';
import { Authors } from '../authors/authors';
import { EVENT_SOURCE } from '../shared/event-source';
import { FavoriteLedger } from './favorite-ledger';

/** Favoriting: idempotent both ways, a new favorite announced once. */
@Injectable()
export class Favorites {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly authors: Authors,
    private readonly reader: ArticleReader,
    private readonly ledger: FavoriteLedger,
    private readonly cache: ArticleCache,
    private readonly lists: ArticleListCache,
    private readonly flags: ReaderFlagCache,
    private readonly outbox: Outbox,
  ) {}

  async favorite(slug: string, caller: Principal): Promise<ArticleView> {
    const [article, record, fan] = await Promise.all([
      this.reader.bySlug(slug, caller),
      this.reader.record(slug),
      this.authors.caller(caller),
    ]);
    await this.transactions.withTransaction(async () => {
      if (!(await this.ledger.add(fan.id, article.id))) return;
      await this.outbox.record(
        ArticleFavorited.create({
          source: EVENT_SOURCE,
          subject: article.id,
          data: {
            articleId: article.id,
            slug: article.slug,
            articleAuthorId: record.authorId,
            userId: fan.id,
          },
        }),
      );
    });
    await this.forgetFavorite(slug, caller);
    return this.reader.bySlug(slug, caller);
  }

  async unfavorite(slug: string, caller: Principal): Promise<ArticleView> {
    const article = await this.reader.bySlug(slug, caller);
    await this.ledger.remove(caller.userId, article.id);
    await this.forgetFavorite(slug, caller);
    return this.reader.bySlug(slug, caller);
  }

  /**
   * The article and every list page show its favorites count (and `?favorited=` lists its fans'),
   * the fan's flags whether they favorited it.
   */
  private forgetFavorite(slug: string, fan: Principal): Promise<unknown> {
    return Promise.all([
      this.cache.forget(slug),
      this.lists.forgetAll(),
      this.flags.forget(fan.userId),
    ]);
  }
}
