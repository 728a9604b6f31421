import type { Response } from 'express';

export const REFRESH_COOKIE = 'refresh_token';
/** The only path the browser sends the cookie to: no other request carries the refresh token. */
export const REFRESH_PATH = '/api/auth/v1/sessions/refresh';

/** HttpOnly so scripts cannot read it; SameSite=Strict and an Origin check so other sites cannot spend it. */
export function setRefreshCookie(response: Response, token: string, expiresAt: Date): void {
  response.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_PATH });
}
