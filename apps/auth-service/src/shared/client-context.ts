import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is on the other end of a request, as recorded in sessions and the audit log. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
}

export function clientContextOf(request: FastifyRequest): ClientContext {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip || null,
    // Bounded: the value is stored and shown back, and a client controls it.
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}

/** `@Client() client: ClientContext` in a controller method. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  clientContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
