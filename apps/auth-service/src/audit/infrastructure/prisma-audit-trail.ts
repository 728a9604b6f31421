import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import { pageOf, type Page } from '../../shared/pagination';
import type { AuditDetails } from '../audit-log';
import { AuditTrail, type AuditFilter, type AuditRecord } from '../audit-trail';

@Injectable()
export class PrismaAuditTrail extends AuditTrail {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async find({ userId, type, from, to, before, limit }: AuditFilter): Promise<Page<AuditRecord>> {
    const rows = await this.txHost.tx.auditEvent.findMany({
      where: {
        userId,
        type,
        ...((from || to) && { createdAt: { gte: from, lt: to } }),
        ...(before && { id: { lt: before } }),
      },
      // UUIDv7 ids sort by creation time: the (user_id, created_at) and (type, created_at) indexes serve the filters.
      orderBy: { id: 'desc' },
      take: limit + 1,
    });
    // The column holds only what AuditLog wrote: a JSON object of facts.
    return pageOf(
      rows.map((row) => ({ ...row, details: row.details as AuditDetails })),
      limit,
    );
  }
}
