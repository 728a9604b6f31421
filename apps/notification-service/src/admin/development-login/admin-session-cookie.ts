import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_PATH } from '../admin-paths';

export const ADMIN_SESSION_COOKIE = 'admin_session';

/**
 * HttpOnly so no script reads the access token, SameSite=Strict so no other site's page sends it,
 * and scoped to the administrators' path so no other route ever receives it. Secure only over
 * HTTPS: npm start serves plain http://localhost, where some browsers drop a Secure cookie.
 */
function attributes(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: ADMIN_PATH,
    secure: request.protocol === 'https',
  } as const;
}

/** The cookie lives exactly as long as the access token it holds. */
export function setAdminSession(
  request: FastifyRequest,
  reply: FastifyReply,
  accessToken: string,
  lifetimeSeconds: number,
): void {
  reply.setCookie(ADMIN_SESSION_COOKIE, accessToken, {
    ...attributes(request),
    maxAge: lifetimeSeconds,
  });
}

export function clearAdminSession(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(ADMIN_SESSION_COOKIE, attributes(request));
}

export function presentedAdminSession(request: FastifyRequest): string | undefined {
  return request.cookies[ADMIN_SESSION_COOKIE] || undefined;
}
