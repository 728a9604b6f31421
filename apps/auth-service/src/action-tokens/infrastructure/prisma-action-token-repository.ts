import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import {
  ActionTokenRepository,
  type ActionPurpose,
  type NewActionToken,
} from '../action-token-repository';

@Injectable()
export class PrismaActionTokenRepository extends ActionTokenRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async create(token: NewActionToken): Promise<void> {
    await this.txHost.tx.actionToken.create({
      data: {
        id: token.id,
        userId: token.userId,
        purpose: token.purpose,
        tokenHash: token.digest,
        createdAt: token.createdAt,
        expiresAt: token.expiresAt,
      },
    });
  }

  async findUsable(digest: string, purpose: ActionPurpose, at: Date): Promise<string | null> {
    const token = await this.txHost.tx.actionToken.findFirst({
      where: { tokenHash: digest, purpose, usedAt: null, expiresAt: { gt: at } },
      select: { userId: true },
    });
    return token?.userId ?? null;
  }

  async consume(digest: string, purpose: ActionPurpose, at: Date): Promise<string | null> {
    const [used] = await this.txHost.tx.actionToken.updateManyAndReturn({
      where: { tokenHash: digest, purpose, usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
      select: { userId: true },
    });
    return used?.userId ?? null;
  }

  async voidOpen(userId: string, purpose: ActionPurpose, at: Date): Promise<void> {
    await this.txHost.tx.actionToken.updateMany({
      where: { userId, purpose, usedAt: null },
      data: { usedAt: at },
    });
  }
}
