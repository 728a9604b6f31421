import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { ApiKey as ApiKeyRow, Prisma } from '../../generated/prisma/client';
import { ApiKey } from '../api-key';
import { ApiKeyRepository, type NewApiKey, type PresentedKeyRecord } from '../api-key.repository';

@Injectable()
export class PrismaApiKeyRepository extends ApiKeyRepository {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async add(key: NewApiKey, tx: Prisma.TransactionClient = this.prisma): Promise<ApiKey> {
    return toApiKey(await tx.apiKey.create({ data: { ...key, scopes: [...key.scopes] } }));
  }

  countActive(userId: string, now: Date): Promise<number> {
    return this.prisma.apiKey.count({
      where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
  }

  async listOwnedBy(userId: string): Promise<ApiKey[]> {
    const rows = await this.prisma.apiKey.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return rows.map(toApiKey);
  }

  async findOwned(id: string, userId: string): Promise<ApiKey | null> {
    const row = await this.prisma.apiKey.findFirst({ where: { id, userId } });
    return row && toApiKey(row);
  }

  async revoke(id: string, at: Date, tx: Prisma.TransactionClient = this.prisma): Promise<boolean> {
    const { count } = await tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: at },
    });
    return count === 1;
  }

  async findByPrefix(prefix: string): Promise<PresentedKeyRecord | null> {
    const row = await this.prisma.apiKey.findUnique({
      where: { prefix },
      include: {
        user: { select: { username: true, roles: true, emailVerifiedAt: true, disabledAt: true } },
      },
    });
    if (!row) return null;
    const { user, ...key } = row;
    return {
      key: toApiKey(key),
      secretHash: key.secretHash,
      owner: {
        username: user.username,
        roles: user.roles,
        emailVerified: user.emailVerifiedAt !== null,
        disabled: user.disabledAt !== null,
      },
    };
  }

  async markUsed(
    id: string,
    at: Date,
    staleBefore: Date,
    tx: Prisma.TransactionClient = this.prisma,
  ): Promise<boolean> {
    const { count } = await tx.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: at },
    });
    return count === 1;
  }
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return new ApiKey(
    row.id,
    row.userId,
    row.name,
    row.prefix,
    row.scopes,
    row.expiresAt,
    row.lastUsedAt,
    row.revokedAt,
    row.createdAt,
  );
}
