import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { ClientContext } from '../shared/client-context';
import type { AuditEventType } from './audit-event-type';

export interface AuditEntry {
  type: AuditEventType;
  /** The account the event is about. */
  userId?: string | null;
  /** Who did it, when not the user themselves (an admin). */
  actorId?: string | null;
  client?: ClientContext;
  /** Non-secret facts only: never a password, token or link. */
  details?: Prisma.InputJsonObject;
}

/**
 * The security audit trail. Pass the transaction of the change being audited so the entry and the
 * change commit together; failures outside a change (a bad login) are recorded on their own.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry, tx: Prisma.TransactionClient = this.prisma): Promise<void> {
    await tx.auditEvent.create({
      data: {
        id: uuidv7(),
        type: entry.type,
        userId: entry.userId ?? null,
        actorId: entry.actorId ?? null,
        ip: entry.client?.ip ?? null,
        userAgent: entry.client?.userAgent ?? null,
        details: entry.details ?? {},
      },
    });
  }
}
