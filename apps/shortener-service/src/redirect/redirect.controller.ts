import { Body, Controller, Get, Param, Post, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@capstone/platform/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClickPublisher } from '../clicks/click-publisher';
import { PasswordGuesses } from '../protection/password-guesses';
import { CodeParams, PasswordForm } from './redirect.dto';
import { LinkVisit, type VisitOutcome } from './link-visit';
import { passwordPage } from './password-page';
import { cacheControlFor, locationFor } from './redirect-answer';
import { WrongLinkPassword } from './redirect-errors';

/** `/s/:code`, the path every short link takes through the gateway. */
@ApiExcludeController()
@Public()
@Controller({ path: 's', version: VERSION_NEUTRAL })
export class RedirectController {
  constructor(
    private readonly visits: LinkVisit,
    private readonly guesses: PasswordGuesses,
    private readonly clicks: ClickPublisher,
  ) {}

  @Get(':code')
  async follow(
    @Param() { code }: CodeParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    answer(reply, code, await this.visits.visit(code), request, this.clicks);
  }

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
      answer(reply, code, await this.visits.visit(code, password), request, this.clicks);
    } catch (error) {
      if (!(error instanceof WrongLinkPassword)) throw error;
      reply.status(401).header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
      reply.send(passwordPage(code, { kind: 'wrong' }));
    }
  }
}

function answer(
  reply: FastifyReply,
  code: string,
  outcome: VisitOutcome,
  request: FastifyRequest,
  clicks: ClickPublisher,
): void {
  if (outcome.kind === 'password_required') {
    reply.status(200).header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    reply.send(passwordPage(code));
    return;
  }
  reply
    .status(outcome.link.redirectType)
    .header('Location', locationFor(outcome.link, queryOf(request)))
    .header('Cache-Control', cacheControlFor(outcome.link))
    .send();
  // An append to memory, never a wait on Kafka: batching and user-agent parsing happen off this path.
  clicks.record(outcome.link.id, request.headers);
}

function queryOf(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at + 1);
}
