import { Controller, Get, Query, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminOnly } from '@capstone/platform/auth';
import { DevelopmentMailbox } from './development-mailbox';
import { MailboxMessageResponse } from './dto/mailbox-message.response';
import { MailboxSearchQuery } from './dto/mailbox-search.query';

@AdminOnly()
@Controller({ path: 'api/notifications/v1/admin/mailbox', version: VERSION_NEUTRAL })
export class MailboxController {
  constructor(private readonly mailbox: DevelopmentMailbox) {}

  @Get()
  @ApiOperation({
    summary: 'The development mailbox: every email sent while no SMTP server is configured',
  })
  @ApiOkResponse({ type: [MailboxMessageResponse] })
  read(@Query() { to, limit }: MailboxSearchQuery): Promise<MailboxMessageResponse[]> {
    return this.mailbox.search({ to, limit });
  }
}
