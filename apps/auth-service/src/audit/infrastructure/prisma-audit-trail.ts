import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { pageOf, type Page } from '../../shared/pagination';
import { AuditTrail, type AuditFilter, type AuditRecord } from '../audit-trail';

@Injectable()
export class PrismaAuditTrail extends AuditTrail {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async find({ userId, type, from, to, before, limit }: AuditFilter): Promise<Page<AuditRecord>> {
    const rows = await this.prisma.auditEvent.findMany({
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
    return pageOf(rows, limit);
  }
}
