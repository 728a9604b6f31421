import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import {
  ActionTokenRepository,
  type ActionPurpose,
  type NewActionToken,
} from '../action-token-repository';

@Injectable()
export class PrismaActionTokenRepository extends ActionTokenRepository {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async create(token: NewActionToken, tx: Prisma.TransactionClient = this.prisma): Promise<void> {
    await tx.actionToken.create({
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

  async consume(
    digest: string,
    purpose: ActionPurpose,
    at: Date,
    tx: Prisma.TransactionClient,
  ): Promise<string | null> {
    const [used] = await tx.actionToken.updateManyAndReturn({
      where: { tokenHash: digest, purpose, usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
      select: { userId: true },
    });
    return used?.userId ?? null;
  }

  async voidOpen(
    userId: string,
    purpose: ActionPurpose,
    at: Date,
    tx: Prisma.TransactionClient,
  ): Promise<void> {
    await tx.actionToken.updateMany({
      where: { userId, purpose, usedAt: null },
      data: { usedAt: at },
    });
  }
}
