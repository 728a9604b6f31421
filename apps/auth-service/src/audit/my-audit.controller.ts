import { Controller, Get, Query, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { PageQueryDto } from '../shared/pagination';
import { AuditTrail } from './audit-trail';
import { AuditEventPageResponse } from './dto/audit-event.response';

/** A user's own security history: sign-ins, failures, resets, key use, what admins changed. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller({ path: 'api/auth/v1/audit', version: VERSION_NEUTRAL })
export class MyAuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageResponse })
  async list(
    @CurrentUser() caller: Principal,
    @Query() page: PageQueryDto,
  ): Promise<AuditEventPageResponse> {
    const events = await this.trail.find({
      userId: caller.userId,
      before: page.cursor,
      limit: page.limit,
    });
    return AuditEventPageResponse.of(events);
  }
}
