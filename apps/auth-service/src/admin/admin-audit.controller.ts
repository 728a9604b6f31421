import { Controller, Get, Query, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { AdminOnly, CurrentUser, type Principal } from '@capstone/platform/auth';
import { AuditEventPageResponse } from '../audit/dto/audit-event.response';
import { AuditInvestigation } from './audit-investigation.service';
import { AuditSearchQuery } from './dto/audit-search.query';

@AdminOnly()
@Controller({ path: 'api/auth/v1/admin/audit', version: VERSION_NEUTRAL })
export class AdminAuditController {
  constructor(private readonly investigation: AuditInvestigation) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageResponse })
  async search(
    @CurrentUser() caller: Principal,
    @Query() query: AuditSearchQuery,
  ): Promise<AuditEventPageResponse> {
    const { userId, type, from, to, cursor, limit } = query;
    return AuditEventPageResponse.of(
      await this.investigation.search(caller.userId, {
        userId,
        type,
        from,
        to,
        before: cursor,
        limit,
      }),
    );
  }
}
