import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { CommentAdded } from '@capstone/contracts';
import type { Principal } from '@capstone/platform/auth';
import { Outbox } from '@capstone/platform/events';
import { NotFoundError } from '@capstone/platform/http';
import { ArticleReader } from '../articles/article-reader';
import { authorOf } from '../authors/author-row';
import { assertAuthor } from '../authors/authorship';
import { Authors } from '../authors/authors';
import type { PrismaTransactions } from '../database/prisma-transactions';
import { FollowGraph } from '../profiles/follow-graph';
import { profileOf } from '../profiles/profile';
import { EVENT_SOURCE } from '../shared/event-source';
import { MarkdownRenderer } from '../shared/markdown';
import { excerptOf, type CommentView } from './comment';
import { LiveComments } from './live-comments';

/** Comments on an article: newest first, as the reference implementations answer. */
@Injectable()
export class Comments {
  constructor(
    private readonly transactions: TransactionHost<PrismaTransactions>,
    private readonly authors: Authors,
    private readonly articles: ArticleReader,
    private readonly follows: FollowGraph,
    private readonly markdown: MarkdownRenderer,
    private readonly outbox: Outbox,
    private readonly live: LiveComments,
  ) {}

  async add(slug: string, body: string, caller: Principal): Promise<CommentView> {
    const [article, author] = await Promise.all([
      this.articles.bySlug(slug, caller),
      this.authors.caller(caller),
    ]);
    const record = await this.articles.record(slug);
    const bodyHtml = this.markdown.render(body);
    const comment = await this.transactions.withTransaction(async () => {
      const row = await this.transactions.tx.comment.create({
        data: { articleId: article.id, authorId: author.id, body, bodyHtml },
      });
      await this.outbox.record(
        CommentAdded.create({
          source: EVENT_SOURCE,
          subject: article.id,
          data: {
            articleId: article.id,
            slug: article.slug,
            articleTitle: article.title,
            articleAuthorId: record.authorId,
            commentId: row.id,
            commentAuthorId: author.id,
            commentAuthorUsername: author.username,
            excerpt: excerptOf(body),
          },
        }),
      );
      return row;
    });
    const view = viewOf(comment, profileOf(author, false));
    // After the commit: a live reader must never see a comment that was rolled back.
    this.live.announce({ articleId: article.id, authorId: author.id, comment: view });
    return view;
  }

  async list(slug: string, reader?: Principal): Promise<CommentView[]> {
    const article = await this.articles.bySlug(slug, reader);
    return (await this.onArticles([article.id], reader)).get(article.id) ?? [];
  }

  /**
   * The comments on each of these articles, in two statements however many there are (GraphQL
   * asks for a whole page's at once). The articles are ones the reader was already shown.
   */
  async onArticles(
    articleIds: readonly string[],
    reader?: Principal,
  ): Promise<Map<string, CommentView[]>> {
    const rows = await this.transactions.tx.comment.findMany({
      where: { articleId: { in: [...articleIds] }, author: { status: { not: 'disabled' } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: { author: true },
    });
    const followed = await this.follows.followedAmong(
      reader?.userId,
      rows.map((row) => row.authorId),
    );
    const byArticle = new Map(articleIds.map((id) => [id, [] as CommentView[]]));
    for (const row of rows) {
      byArticle
        .get(row.articleId)
        ?.push(viewOf(row, profileOf(authorOf(row.author), followed.has(row.authorId))));
    }
    return byArticle;
  }

  async remove(slug: string, commentId: number, caller: Principal): Promise<void> {
    const [article, author] = await Promise.all([
      this.articles.bySlug(slug, caller),
      this.authors.caller(caller),
    ]);
    const comment = await this.transactions.tx.comment.findFirst({
      where: { id: commentId, articleId: article.id },
    });
    if (!comment) {
      throw new NotFoundError(`No comment ${commentId} on this article`, {
        code: 'comment_not_found',
      });
    }
    assertAuthor(comment, author, 'comment_forbidden');
    await this.transactions.tx.comment.delete({ where: { id: comment.id } });
  }
}

function viewOf(
  row: { id: number; createdAt: Date; updatedAt: Date; body: string; bodyHtml: string },
  author: CommentView['author'],
): CommentView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    body: row.body,
    bodyHtml: row.bodyHtml,
    author,
  };
}
