import { Body, Controller, Param, Post, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@capstone/platform/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClickPublisher } from '../clicks/click-publisher';
import { PasswordGuesses } from '../protection/password-guesses';
import { CodeParams, PasswordForm } from './redirect.dto';
import { LinkVisit } from './link-visit';
import { passwordPage } from './password-page';
import { WrongLinkPassword } from './redirect-errors';
import { replyToVisit } from './visit-reply';

/** `POST /s/:code`, the password form's; the plain visit, `GET`, is RedirectRoute's. */
@ApiExcludeController()
@Public()
@Controller({ path: 's', version: VERSION_NEUTRAL })
export class RedirectController {
  constructor(
    private readonly visits: LinkVisit,
    private readonly guesses: PasswordGuesses,
    private readonly clicks: ClickPublisher,
  ) {}

  @Post(':code')
  async unlock(
    @Param() { code }: CodeParams,
    @Body() { password }: PasswordForm,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const waitMs = await this.guesses.spend(request.ip, code);
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      // The visitor is a person at a form: they get the form back, saying how long to wait.
      reply.status(429).header('Retry-After', retryAfterSeconds);
      reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
      reply.send(passwordPage(code, { kind: 'too_many', retryAfterSeconds }));
      return;
    }
    try {
      replyToVisit(request, reply, code, await this.visits.visit(code, password), this.clicks);
    } catch (error) {
      if (!(error instanceof WrongLinkPassword)) throw error;
      reply.status(401).header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
      reply.send(passwordPage(code, { kind: 'wrong' }));
    }
  }
}
