import { posix } from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { ForbiddenException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { problemDetails, toApplicationError } from '@capstone/platform/http';
import { correlationOfRequest, requestFailed } from '@capstone/platform/observability';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Decides whether a request may see the dashboard: return false to answer 403, throw
 * UnauthorizedException (401) when the request carries no valid identity at all.
 */
export type AuthorizeDashboard = (request: FastifyRequest) => boolean | Promise<boolean>;

export interface QueueDashboardOptions {
  /** Defaults to `/admin/queues`. */
  route?: string;
  authorize: AuthorizeDashboard;
}

/**
 * Serves Bull Board behind `authorize`. It is a Fastify plugin, not a Nest controller, so
 * app-wide guards do not run here: the authorize function is the dashboard's only gate, and it
 * is mandatory. Its hook is scoped to the plugin, so it runs for the dashboard's routes alone.
 */
export function mountQueueDashboard(
  server: FastifyInstance,
  queues: readonly Queue[],
  { route = '/admin/queues', authorize }: QueueDashboardOptions,
  globalPrefix: string,
): void {
  const prefix = posix.join('/', globalPrefix, route);
  const board = new FastifyAdapter();
  // The UI links its assets and API under the public path, which includes any global prefix.
  board.setBasePath(prefix);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
  });

  void server.register(
    async (dashboard) => {
      dashboard.addHook('onRequest', async (request, reply) => {
        try {
          if (!(await authorize(request)))
            throw new ForbiddenException('The queue dashboard is for administrators');
        } catch (error) {
          return refuse(request, reply, error);
        }
      });
      await dashboard.register(board.registerPlugin());
    },
    { prefix },
  );
}

/**
 * Answered here, in the platform's error format: Bull Board sets an error handler of its own on
 * its routes, which would turn a refusal thrown from this hook into a 500.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const path = request.url.split('?', 1)[0];
  const failure = toApplicationError(error);
  // An authorizer that broke (its database down) is a server fault: the access line gets its stack.
  if (failure.status >= 500) requestFailed(request.raw, error);
  const answer = problemDetails(failure, {
    path,
    requestId: correlationOfRequest(request.raw)?.requestId,
  });
  return reply.code(answer.status).type(answer.contentType).send(answer.body);
}
