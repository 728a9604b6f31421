import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { JWK } from 'jose';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import type { Prisma } from '../../generated/prisma/client';
import type { StoredSigningKey } from '../signing-key';
import { SigningKeyRepository } from '../signing-key-repository';

// Any constant shared by every replica: the lock that serializes key creation.
const ROTATION_LOCK = 0x5167_4b65;

@Injectable()
export class PrismaSigningKeyRepository extends SigningKeyRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async listCurrent(retiredAfter: Date): Promise<StoredSigningKey[]> {
    const rows = await this.txHost.tx.signingKey.findMany({
      where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => ({
      kid: row.kid,
      algorithm: row.algorithm,
      publicJwk: row.publicJwk as JWK,
      sealedPrivateKey: row.privateKeyEncrypted,
      createdAt: row.createdAt,
      activatedAt: row.activatedAt ?? row.createdAt,
      retiredAt: row.retiredAt,
    }));
  }

  // Its own transaction, or the caller's when one is open: the lock and the swap stay atomic.
  add(key: StoredSigningKey, { onlyIfNone }: { onlyIfNone: boolean }): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROTATION_LOCK})`;
      if (onlyIfNone && (await tx.signingKey.count({ where: { retiredAt: null } })) > 0)
        return false;
      await tx.signingKey.updateMany({
        where: { retiredAt: null },
        data: { retiredAt: key.activatedAt },
      });
      await tx.signingKey.create({
        data: {
          kid: key.kid,
          algorithm: key.algorithm,
          publicJwk: key.publicJwk as Prisma.InputJsonObject,
          privateKeyEncrypted: key.sealedPrivateKey,
          createdAt: key.createdAt,
          activatedAt: key.activatedAt,
        },
      });
      return true;
    });
  }
}
