import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClickPublisher } from '../clicks/click-publisher';
import type { VisitOutcome } from './link-visit';
import { passwordPage } from './password-page';
import { cacheControlFor, locationFor, queryOf } from './redirect-answer';

/**
 * What a visit leads to, sent: the password form, or the redirect and its click. Both ways to
 * `/s/:code` answer through it, the plain visit (RedirectRoute) and the form's (RedirectController).
 */
export function replyToVisit(
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
  outcome: VisitOutcome,
  clicks: ClickPublisher,
): FastifyReply {
  if (outcome.kind === 'password_required') {
    reply.status(200).header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return reply.send(passwordPage(code));
  }
  reply
    .status(outcome.link.redirectType)
    .header('location', locationFor(outcome.link, queryOf(request.url)))
    .header('cache-control', cacheControlFor(outcome.link))
    .send();
  // An append to memory, never a wait on Kafka: batching and user-agent parsing happen off this path.
  clicks.record(outcome.link.id, request.headers);
  return reply;
}
