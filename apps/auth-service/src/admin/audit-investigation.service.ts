import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditFilter, type AuditRecord } from '../audit/audit-trail';
import type { Page } from '../shared/pagination';
import { assertCanAdminister } from './administration-policy';
import { ManagedUserRepository } from './managed-user.repository';

/** Administrators read everyone's audit trail. */
@Injectable()
export class AuditInvestigation {
  constructor(
    private readonly users: ManagedUserRepository,
    private readonly trail: AuditTrail,
  ) {}

  async search(actorId: string, filter: AuditFilter): Promise<Page<AuditRecord>> {
    assertCanAdminister(await this.users.findById(actorId));
    return this.trail.find(filter);
  }
}
