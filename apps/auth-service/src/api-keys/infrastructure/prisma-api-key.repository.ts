import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import type { ApiKey as ApiKeyRow } from '../../generated/prisma/client';
import { ApiKey } from '../api-key';
import { ApiKeyRepository, type NewApiKey, type PresentedKeyRecord } from '../api-key.repository';

@Injectable()
export class PrismaApiKeyRepository extends ApiKeyRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async add(key: NewApiKey): Promise<ApiKey> {
    return toApiKey(
      await this.txHost.tx.apiKey.create({ data: { ...key, scopes: [...key.scopes] } }),
    );
  }

  countActive(userId: string, now: Date): Promise<number> {
    return this.txHost.tx.apiKey.count({
      where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
  }

  async listOwnedBy(userId: string): Promise<ApiKey[]> {
    const rows = await this.txHost.tx.apiKey.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return rows.map(toApiKey);
  }

  async findOwned(id: string, userId: string): Promise<ApiKey | null> {
    const row = await this.txHost.tx.apiKey.findFirst({ where: { id, userId } });
    return row && toApiKey(row);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const { count } = await this.txHost.tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: at },
    });
    return count === 1;
  }

  async findByPrefix(prefix: string): Promise<PresentedKeyRecord | null> {
    const row = await this.txHost.tx.apiKey.findUnique({
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

  async markUsed(id: string, at: Date, staleBefore: Date): Promise<boolean> {
    const { count } = await this.txHost.tx.apiKey.updateMany({
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
