import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import type { StoredSigningKey } from '../signing-key';
import { SigningKeyRepository } from '../signing-key-repository';

// Any constant shared by every replica: the lock that serializes key creation.
const ROTATION_LOCK = 0x5167_4b65;

@Injectable()
export class PrismaSigningKeyRepository extends SigningKeyRepository {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async listCurrent(retiredAfter: Date): Promise<StoredSigningKey[]> {
    const rows = await this.prisma.signingKey.findMany({
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

  add(key: StoredSigningKey, { onlyIfNone }: { onlyIfNone: boolean }): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
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
