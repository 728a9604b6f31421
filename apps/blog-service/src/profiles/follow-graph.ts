import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../database/prisma-transactions';

/** Who follows whom. */
@Injectable()
export class FollowGraph {
  constructor(private readonly transactions: TransactionHost<PrismaTransactions>) {}

  /** Of `authorIds`, those the reader follows, in one query whatever the page size. */
  async followedAmong(readerId: string | undefined, authorIds: string[]): Promise<Set<string>> {
    if (!readerId || authorIds.length === 0) return new Set();
    const rows = await this.transactions.tx.follow.findMany({
      where: { followerId: readerId, followeeId: { in: [...new Set(authorIds)] } },
      select: { followeeId: true },
    });
    return new Set(rows.map((row) => row.followeeId));
  }

  async follows(readerId: string | undefined, authorId: string): Promise<boolean> {
    return (await this.followedAmong(readerId, [authorId])).has(authorId);
  }

  /** True when the follow is new: following twice is one follow, announced once. */
  async add(followerId: string, followeeId: string): Promise<boolean> {
    const added = await this.transactions.tx.$executeRaw`
      INSERT INTO follow (follower_id, followee_id) VALUES (${followerId}::uuid, ${followeeId}::uuid)
      ON CONFLICT DO NOTHING`;
    return added === 1;
  }

  async remove(followerId: string, followeeId: string): Promise<void> {
    await this.transactions.tx.follow.deleteMany({ where: { followerId, followeeId } });
  }
}
