import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../database/prisma-transactions';

/** Who favorited what, and the count kept beside each article. */
@Injectable()
export class FavoriteLedger {
  constructor(private readonly transactions: TransactionHost<PrismaTransactions>) {}

  /** Of `articleIds`, those the reader favorited, in one query whatever the page size. */
  async favoritedAmong(readerId: string | undefined, articleIds: string[]): Promise<Set<string>> {
    if (!readerId || articleIds.length === 0) return new Set();
    const rows = await this.transactions.tx.favorite.findMany({
      where: { userId: readerId, articleId: { in: articleIds } },
      select: { articleId: true },
    });
    return new Set(rows.map((row) => row.articleId));
  }

  /** True when the favorite is new; the count moves in the same statement, so races cannot skew it. */
  async add(userId: string, articleId: string): Promise<boolean> {
    const added = await this.transactions.tx.$executeRaw`
      WITH added AS (
        INSERT INTO favorite (user_id, article_id) VALUES (${userId}::uuid, ${articleId}::uuid)
        ON CONFLICT DO NOTHING RETURNING article_id
      )
      UPDATE article SET favorites_count = favorites_count + 1 WHERE id IN (SELECT article_id FROM added)`;
    return added === 1;
  }

  async remove(userId: string, articleId: string): Promise<boolean> {
    const removed = await this.transactions.tx.$executeRaw`
      WITH removed AS (
        DELETE FROM favorite WHERE user_id = ${userId}::uuid AND article_id = ${articleId}::uuid
        RETURNING article_id
      )
      UPDATE article SET favorites_count = favorites_count - 1 WHERE id IN (SELECT article_id FROM removed)`;
    return removed === 1;
  }
}
