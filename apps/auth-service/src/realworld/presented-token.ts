import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The access token the guard has already verified, as sent: RealWorld echoes it back in `user.token`. */
export const PresentedToken = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const authorization = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
  return authorization.trim().split(/\s+/)[1] ?? '';
});
