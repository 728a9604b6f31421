import type { Page } from '../shared/pagination';
import type { AuditDetails } from './audit-log';

/** One recorded security event, as read back. */
export interface AuditRecord {
  id: string;
  type: string;
  userId: string | null;
  actorId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: AuditDetails;
  createdAt: Date;
}

export interface AuditFilter {
  userId?: string;
  type?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Return events older than this one. */
  before?: string;
  limit: number;
}

/** Port: reads the audit log, newest first. The Prisma implementation is in `infrastructure/`. */
export abstract class AuditTrail {
  abstract find(filter: AuditFilter): Promise<Page<AuditRecord>>;
}
