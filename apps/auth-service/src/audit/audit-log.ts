import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { v7 as uuidv7 } from 'uuid';
import type { PrismaTransactions } from '../database/prisma-transactions';
import type { ClientContext } from '../shared/client-context';
import type { AuditEventType } from './audit-event-type';

/** Plain JSON, as the details column stores it. */
export type AuditValue = string | number | boolean | null | readonly AuditValue[] | AuditDetails;
export type AuditDetails = { readonly [fact: string]: AuditValue };

export interface AuditEntry {
  type: AuditEventType;
  /** The account the event is about. */
  userId?: string | null;
  /** Who did it, when not the user themselves (an admin). */
  actorId?: string | null;
  client?: ClientContext;
  /** Non-secret facts only: never a password, token or link. */
  details?: AuditDetails;
}

/**
 * The security audit trail. An entry joins the ambient transaction, so it commits with the change
 * it audits; failures outside a change (a bad login) are recorded on their own.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.txHost.tx.auditEvent.create({
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
