import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { credentialsFrom } from '@capstone/platform/auth';
import type { FastifyRequest } from 'fastify';

/** The access token the guard has already verified, as sent: RealWorld echoes it back in `user.token`. */
export const PresentedToken = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const credentials = credentialsFrom(context.switchToHttp().getRequest<FastifyRequest>().headers);
  return credentials?.kind === 'access-token' ? credentials.token : '';
});
