import { AuthError, type Authenticator } from '@capstone/platform/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptsHtml, isAdminPath } from '../admin-paths';
import { clearAdminSession, presentedAdminSession } from './admin-session-cookie';
import { isCrossOriginWrite } from './cross-site-write';
import { LOGIN_PATH, LOGOUT_PATH, loginPathReturningTo } from './login-page';

/**
 * Development only, before any route: a browser holding the login page's cookie is let in as the
 * administrator its access token names, by the very checks a bearer token meets (the guard and the
 * queue dashboard's hook see the token as `Authorization`). A browser without a valid cookie is
 * sent to the login page instead of a JSON 401. A request with its own credential is left alone.
 */
export function adminSessionGate(authenticator: Authenticator) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = request.url.split('?', 1)[0];
    if (!isAdminPath(path) || path === LOGIN_PATH || path === LOGOUT_PATH) return;
    if (request.headers.authorization || request.headers['x-api-key']) return;

    const token = presentedAdminSession(request);
    if (token && (await isAdministrator(authenticator, token))) {
      // A page of another origin may not write with the administrator's authority: it stays anonymous.
      if (!isCrossOriginWrite(request)) request.headers.authorization = `Bearer ${token}`;
      return;
    }
    if (token) clearAdminSession(request, reply);
    if (request.method === 'GET' && acceptsHtml(request.headers.accept)) {
      await reply.redirect(loginPathReturningTo(request.url), 303);
    }
  };
}

/** Verified by the same Authenticator as every bearer token: signature, issuer, audience, expiry. */
export async function isAdministrator(
  authenticator: Authenticator,
  token: string,
): Promise<boolean> {
  try {
    const caller = await authenticator.authenticate({ kind: 'access-token', token });
    return caller.roles.includes('admin');
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}
