import {
  AuthError,
  AuthErrorCode,
  credentialsFrom,
  httpExceptionFor,
  type Authenticator,
} from '@capstone/platform/auth';
import type { AuthorizeDashboard } from '@capstone/platform/queues';
import type { FastifyRequest } from 'fastify';

/**
 * The queue dashboard's gate. It is a Fastify hook, outside the app-wide guard, so it authenticates
 * the request itself: 401 without a valid credential, false (403) for anyone but an administrator.
 */
export function administratorsOnly(authenticator: Authenticator): AuthorizeDashboard {
  return async (request: FastifyRequest) => {
    try {
      const credentials = credentialsFrom(request.headers);
      if (!credentials)
        throw new AuthError(AuthErrorCode.TokenMissing, 'the queue dashboard needs a credential');
      const caller = await authenticator.authenticate(credentials);
      return caller.roles.includes('admin');
    } catch (error) {
      throw error instanceof AuthError ? httpExceptionFor(error) : error;
    }
  };
}
