import type { IncomingMessage, ServerResponse } from 'node:http';
import { posix } from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ForbiddenException, type MiddlewareConsumer } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * Decides whether a request may see the dashboard: return false to answer 403, throw
 * UnauthorizedException (401) when the request carries no valid identity at all.
 */
export type AuthorizeDashboard = (request: IncomingMessage) => boolean | Promise<boolean>;

export interface QueueDashboardOptions {
  /** Defaults to `/admin/queues`. */
  route?: string;
  authorize: AuthorizeDashboard;
}

/**
 * Serves Bull Board behind `authorize`. It is middleware, not a controller, so app-wide guards do
 * not run here: the authorize function is the dashboard's only gate, and it is mandatory.
 */
export function mountQueueDashboard(
  consumer: MiddlewareConsumer,
  queues: readonly Queue[],
  { route = '/admin/queues', authorize }: QueueDashboardOptions,
  globalPrefix: string,
): void {
  const board = new ExpressAdapter();
  // The UI links its assets and API under the public path, which includes any global prefix.
  board.setBasePath(posix.join('/', globalPrefix, route));
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
  });

  const admitOnlyAuthorized = async (
    request: IncomingMessage,
    _response: ServerResponse,
    next: () => void,
  ) => {
    if (!(await authorize(request)))
      throw new ForbiddenException('The queue dashboard is for administrators');
    next();
  };
  consumer.apply(admitOnlyAuthorized, board.getRouter()).forRoutes(route);
}
