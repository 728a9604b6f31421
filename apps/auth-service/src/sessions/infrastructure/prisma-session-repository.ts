import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import type { Prisma, Session as SessionRow } from '../../generated/prisma/client';
import type { Session } from '../session';
import {
  SessionRepository,
  type NewSession,
  type Rotation,
  type StoredRefreshToken,
} from '../session-repository';

@Injectable()
export class PrismaSessionRepository extends SessionRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async create(session: NewSession): Promise<void> {
    await this.txHost.tx.session.create({
      data: {
        id: session.id,
        userId: session.userId,
        ip: session.client.ip,
        userAgent: session.client.userAgent,
        createdAt: session.createdAt,
        lastUsedAt: session.createdAt,
        idleExpiresAt: session.idleExpiresAt,
        absoluteExpiresAt: session.absoluteExpiresAt,
        refreshTokens: {
          create: {
            id: session.refreshTokenId,
            tokenHash: session.refreshTokenDigest,
            createdAt: session.createdAt,
          },
        },
      },
    });
  }

  async findById(sessionId: string): Promise<Session | null> {
    const row = await this.txHost.tx.session.findUnique({ where: { id: sessionId } });
    return row && toSession(row);
  }

  async findRefreshToken(digest: string): Promise<StoredRefreshToken | null> {
    const row = await this.txHost.tx.refreshToken.findUnique({
      where: { tokenHash: digest },
      select: { id: true, rotatedAt: true, session: true },
    });
    return row && { id: row.id, rotatedAt: row.rotatedAt, session: toSession(row.session) };
  }

  rotate(rotation: Rotation): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      // Conditional on rotatedAt being null: of two concurrent refreshes with one token, one wins.
      const { count } = await tx.refreshToken.updateMany({
        where: { id: rotation.presentedTokenId, rotatedAt: null },
        data: { rotatedAt: rotation.at },
      });
      if (count === 0) return false;
      await tx.refreshToken.create({
        data: {
          id: rotation.next.id,
          sessionId: rotation.sessionId,
          tokenHash: rotation.next.digest,
          createdAt: rotation.at,
        },
      });
      await tx.session.update({
        where: { id: rotation.sessionId },
        data: { lastUsedAt: rotation.at, idleExpiresAt: rotation.idleExpiresAt },
      });
      return true;
    });
  }

  async listLive(userId: string, at: Date): Promise<Session[]> {
    const rows = await this.txHost.tx.session.findMany({
      where: {
        userId,
        revokedAt: null,
        idleExpiresAt: { gt: at },
        absoluteExpiresAt: { gt: at },
      },
      orderBy: { lastUsedAt: 'desc' },
    });
    return rows.map(toSession);
  }

  async revoke(
    filter: { userId: string; sessionId?: string; exceptSessionId?: string },
    reason: string,
    at: Date,
  ): Promise<string[]> {
    const where: Prisma.SessionWhereInput = {
      userId: filter.userId,
      revokedAt: null,
      ...(filter.sessionId ? { id: filter.sessionId } : {}),
      ...(filter.exceptSessionId ? { NOT: { id: filter.exceptSessionId } } : {}),
    };
    const revoked = await this.txHost.tx.session.updateManyAndReturn({
      where,
      data: { revokedAt: at, revokedReason: reason },
      select: { id: true },
    });
    return revoked.map(({ id }) => id);
  }
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.userId,
    client: { ip: row.ip, userAgent: row.userAgent },
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    idleExpiresAt: row.idleExpiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    revokedAt: row.revokedAt,
  };
}
