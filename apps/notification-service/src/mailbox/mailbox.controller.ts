import { Controller, Get, Headers, Query, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { AdminOnly } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import type { FastifyReply } from 'fastify';
import { acceptsHtml } from '../admin/admin-paths';
import type { Environment } from '../config/environment';
import { DevelopmentMailbox } from './development-mailbox';
import { MailboxMessageResponse } from './dto/mailbox-message.response';
import { MailboxSearchQuery } from './dto/mailbox-search.query';
import { mailboxPage } from './mailbox.page';

@AdminOnly()
@Controller({ path: 'api/notifications/v1/admin/mailbox', version: VERSION_NEUTRAL })
export class MailboxController {
  private readonly withLogin: boolean;

  constructor(
    private readonly mailbox: DevelopmentMailbox,
    config: AppConfig<Environment>,
  ) {
    this.withLogin = config.get('NODE_ENV') === 'development';
  }

  @Get()
  @ApiOperation({
    summary: 'The development mailbox: every email sent while no SMTP server is configured',
    description: 'JSON, or a page for a browser that asks for text/html.',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: [MailboxMessageResponse] })
  async read(
    @Query() { to, limit }: MailboxSearchQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MailboxMessageResponse[] | string> {
    const messages = await this.mailbox.search({ to, limit });
    if (!acceptsHtml(accept)) return messages;
    reply.type('text/html; charset=utf-8');
    return mailboxPage(messages, { canLogOut: this.withLogin });
  }
}
