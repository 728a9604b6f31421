import { ForbiddenError } from '@capstone/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'refresh_token';
/** The only path the browser sends the cookie to: no other request carries the refresh token. */
export const REFRESH_PATH = '/api/auth/v1/sessions/refresh';

const cookieAttributes = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: REFRESH_PATH,
} as const;

/** HttpOnly so scripts cannot read it; SameSite=Strict and an Origin check so other sites cannot spend it. */
export function setRefreshCookie(response: FastifyReply, token: string, expiresAt: Date): void {
  response.setCookie(REFRESH_COOKIE, token, { ...cookieAttributes, expires: expiresAt });
}

export function clearRefreshCookie(response: FastifyReply): void {
  response.clearCookie(REFRESH_COOKIE, cookieAttributes);
}

/**
 * The refresh token from the body or, for browsers, the cookie. A cookie is sent by the browser
 * whoever made the page, so it is honoured only on requests whose Origin is the web app's.
 */
export function presentedRefreshToken(
  request: FastifyRequest,
  fromBody: string | undefined,
  appOrigin: string,
): string | undefined {
  if (fromBody) return fromBody;
  const fromCookie = request.cookies[REFRESH_COOKIE];
  if (!fromCookie) return undefined;
  if (request.headers.origin !== appOrigin) {
    throw new ForbiddenError('The refresh cookie is only accepted from the web app', {
      code: 'origin_not_allowed',
    });
  }
  return fromCookie;
}
