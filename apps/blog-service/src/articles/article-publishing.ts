import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ArticleDeleted, ArticlePublished, ArticleUpdated } from '@capstone/contracts';
import type { Principal } from '@capstone/platform/auth';
import { Outbox } from '@capstone/platform/events';
import { v7 as uuidv7 } from 'uuid';
import type { Author } from '../authors/author';
import { assertAuthor } from '../authors/authorship';
import { Authors } from '../authors/authors';
import type { PrismaTransactions } from '../database/prisma-transactions';
import { Prisma } from '../generated/prisma/client';
import { FavoriteLedger } from '../favorites/favorite-ledger';
import { profileOf } from '../profiles/profile';
import { EVENT_SOURCE } from '../shared/event-source';
import { MarkdownRenderer } from '../shared/markdown';
import { normalisedTags, type ArticleChanges, type ArticleDraft } from './article';
import { TagList } from '../tags/tag-list';
import { ArticleCache } from './article-cache';
import { ArticleListCache } from './article-list-cache';
import { ArticleReader } from './article-reader';
import {
  articleRecordOf,
  articleViewOf,
  type ArticleRecord,
  type ArticleView,
} from './article-record';
import { distinctSlugOf, slugOf } from './slug';

const SLUG_ATTEMPTS = 4;

/** Writing articles: publish, revise, delete, each announced on `blog.articles` through the outbox. */
@Injectable()
export class ArticlePublishing {
  constructor(
    private readonly transactions: TransactionHost<PrismaTransactions>,
    private readonly authors: Authors,
    private readonly reader: ArticleReader,
    private readonly cache: ArticleCache,
    private readonly lists: ArticleListCache,
    private readonly markdown: MarkdownRenderer,
    private readonly favorites: FavoriteLedger,
    private readonly tags: TagList,
    private readonly outbox: Outbox,
  ) {}

  async publish(draft: ArticleDraft, caller: Principal): Promise<ArticleView> {
    const author = await this.authors.caller(caller);
    // Rendering is CPU work: done before the transaction, which then holds a connection briefly.
    const bodyHtml = this.markdown.render(draft.body);
    const record = await this.withFreeSlug(draft.title, undefined, (slug) =>
      this.transactions.withTransaction(async () => {
        const row = await this.transactions.tx.article.create({
          data: {
            id: uuidv7(),
            slug,
            title: draft.title,
            description: draft.description,
            body: draft.body,
            bodyHtml,
            tagList: normalisedTags(draft.tagList ?? []),
            authorId: author.id,
          },
        });
        await this.outbox.record(
          ArticlePublished.create({ source: EVENT_SOURCE, subject: row.id, data: summaryOf(row) }),
        );
        return articleRecordOf(row);
      }),
    );
    // The slug may be remembered as unknown (a reader tried it a moment ago).
    await Promise.all([this.cache.forget(record.slug), this.tags.forget(), this.lists.forgetAll()]);
    // Nobody has favorited an article a moment old, and nobody follows themselves.
    return articleViewOf(record, profileOf(author, false), false);
  }

  async revise(slug: string, changes: ArticleChanges, caller: Principal): Promise<ArticleView> {
    const [current, author] = await Promise.all([
      this.reader.record(slug),
      this.authors.caller(caller),
    ]);
    assertAuthor(current, author, 'article_forbidden');
    const bodyHtml = changes.body === undefined ? undefined : this.markdown.render(changes.body);
    const titleChanged = changes.title !== undefined && changes.title !== current.title;
    const record = await this.withFreeSlug(
      changes.title ?? current.title,
      titleChanged ? undefined : current.slug,
      (newSlug) =>
        this.transactions.withTransaction(async () => {
          const row = await this.transactions.tx.article.update({
            where: { id: current.id },
            data: {
              slug: newSlug,
              title: changes.title,
              description: changes.description,
              body: changes.body,
              bodyHtml,
              // Absent keeps the tags; [] clears them (the spec's rule).
              tagList: changes.tagList === undefined ? undefined : normalisedTags(changes.tagList),
            },
          });
          await this.outbox.record(
            ArticleUpdated.create({ source: EVENT_SOURCE, subject: row.id, data: summaryOf(row) }),
          );
          return articleRecordOf(row);
        }),
    );
    await Promise.all([
      this.cache.forget(current.slug, record.slug),
      this.tags.forget(),
      this.lists.forgetAll(),
    ]);
    return this.viewOfOwn(record, author);
  }

  async remove(slug: string, caller: Principal): Promise<void> {
    const [current, author] = await Promise.all([
      this.reader.record(slug),
      this.authors.caller(caller),
    ]);
    assertAuthor(current, author, 'article_forbidden');
    await this.transactions.withTransaction(async () => {
      await this.transactions.tx.article.delete({ where: { id: current.id } });
      await this.outbox.record(
        ArticleDeleted.create({
          source: EVENT_SOURCE,
          subject: current.id,
          data: { articleId: current.id, slug: current.slug, authorId: current.authorId },
        }),
      );
    });
    await Promise.all([
      this.cache.forget(current.slug),
      this.tags.forget(),
      this.lists.forgetAll(),
    ]);
  }

  /**
   * Runs `write` with the title's own slug, or the current slug when the title is unchanged; when
   * another article holds it (now, or by the time the insert lands), with a distinct one.
   */
  private async withFreeSlug<T>(
    title: string,
    keep: string | undefined,
    write: (slug: string) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const slug = keep ?? (attempt === 0 ? slugOf(title) : distinctSlugOf(title));
      try {
        return await write(slug);
      } catch (error) {
        if (keep !== undefined || attempt + 1 >= SLUG_ATTEMPTS || !isSlugTaken(error)) throw error;
      }
    }
  }

  private async viewOfOwn(record: ArticleRecord, author: Author): Promise<ArticleView> {
    const favorited = await this.favorites.favoritedAmong(author.id, [record.id]);
    // Nobody follows themselves.
    return articleViewOf(record, profileOf(author, false), favorited.has(record.id));
  }
}

function isSlugTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === 'P2002' &&
    JSON.stringify(error.meta ?? {}).includes('slug')
  );
}

/** What `blog.articles` says about an article: enough to name and link it, never its body. */
function summaryOf(
  row: Pick<ArticleRecord, 'id' | 'slug' | 'title' | 'description' | 'authorId' | 'tagList'>,
) {
  return {
    articleId: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    authorId: row.authorId,
    tagList: row.tagList,
  };
}
