import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ValidationError } from '@capstone/platform/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClickPublisher } from '../clicks/click-publisher';
import { LinkVisit } from './link-visit';
import { CODE_FORMAT, CODE_FORMAT_MESSAGE } from './redirect.dto';
import { replyToVisit } from './visit-reply';

type VisitRequest = FastifyRequest<{ Params: { code: string } }>;

/**
 * `GET /s/:code`, every short link's visit, as a plain Fastify route on the platform's server
 * rather than a Nest controller: the server's hooks still give it ids, its access line, metrics
 * and security headers, and its errors still reach the platform's filter, but no pipe, guard or
 * interceptor runs, and a link this instance remembers is answered without a single promise.
 */
@Injectable()
export class RedirectRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly visits: LinkVisit,
    private readonly clicks: ClickPublisher,
  ) {}

  // Before the server is ready: Nest's init hooks run ahead of listen and of the tests' ready().
  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    server.get('/s/:code', (request: VisitRequest, reply) => this.follow(request, reply));
  }

  private follow(request: VisitRequest, reply: FastifyReply): FastifyReply | Promise<FastifyReply> {
    const { code } = request.params;
    // The rule the controller's CodeParams holds the form's POST to, with the validation pipe's answer.
    if (!CODE_FORMAT.test(code))
      throw new ValidationError([{ field: 'code', message: CODE_FORMAT_MESSAGE, code: 'matches' }]);
    const now = Date.now();
    const decided = this.visits.visitFromMemory(code, now);
    if (decided !== undefined) return replyToVisit(request, reply, code, decided, this.clicks);
    return this.visits
      .visit(code, undefined, now)
      .then((outcome) => replyToVisit(request, reply, code, outcome, this.clicks));
  }
}
