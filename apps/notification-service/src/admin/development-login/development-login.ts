import type { Authenticator } from '@capstone/platform/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearAdminSession, presentedAdminSession, setAdminSession } from './admin-session-cookie';
import { adminSessionGate, isAdministrator } from './admin-session-gate';
import type { AuthServiceSessions } from './auth-service-sessions';
import { isCrossOriginWrite } from './cross-site-write';
import {
  LOGIN_PATH,
  LOGOUT_PATH,
  loginPage,
  safeReturnPath,
  type LoginPageState,
} from './login-page';

export interface DevelopmentLoginOptions {
  authenticator: Authenticator;
  sessions: AuthServiceSessions;
}

type LoginForm = Partial<Record<'email' | 'password' | 'returnTo', unknown>>;

/**
 * The administrators' pages for a browser, in development: a login page that opens a session
 * at auth-service, the cookie that carries its access token, and logout. Never mounted in production.
 */
export function mountDevelopmentLogin(
  server: FastifyInstance,
  { authenticator, sessions }: DevelopmentLoginOptions,
): void {
  server.addHook('onRequest', adminSessionGate(authenticator));

  server.get<{ Querystring: { returnTo?: string } }>(LOGIN_PATH, (request, reply) =>
    page(reply, 200, { returnTo: safeReturnPath(request.query.returnTo) }),
  );

  server.post<{ Body: LoginForm | undefined }>(LOGIN_PATH, async (request, reply) => {
    const { email, password, returnTo } = request.body ?? {};
    const state = { returnTo: safeReturnPath(returnTo), email: text(email) };
    // Login CSRF: another origin's page must not sign this browser in, even as someone else.
    if (isCrossOriginWrite(request)) {
      return page(reply, 403, { ...state, problem: 'Log in from this page itself.' });
    }
    if (!state.email || !text(password)) {
      return page(reply, 422, { ...state, problem: 'Enter an email and a password.' });
    }
    const outcome = await sessions.logIn(state.email, text(password) ?? '', request.ip);
    if (!outcome.accepted)
      return page(reply, outcome.status, { ...state, problem: outcome.message });
    if (!(await isAdministrator(authenticator, outcome.accessToken))) {
      // The session is of no use here; leaving it open would leave a live refresh token behind.
      await sessions.logOut(outcome.accessToken);
      return page(reply, 403, { ...state, problem: 'These pages are for administrators only.' });
    }
    setAdminSession(request, reply, outcome.accessToken, outcome.expiresIn);
    return reply.redirect(state.returnTo, 303);
  });

  server.post(LOGOUT_PATH, async (request: FastifyRequest, reply) => {
    if (isCrossOriginWrite(request)) {
      return page(reply, 403, {
        returnTo: safeReturnPath(undefined),
        problem: 'Log out from these pages.',
      });
    }
    const token = presentedAdminSession(request);
    if (token) await sessions.logOut(token);
    clearAdminSession(request, reply);
    return reply.redirect(LOGIN_PATH, 303);
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 1024 ? value : undefined;
}

function page(reply: FastifyReply, status: number, state: LoginPageState): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(loginPage(state));
}
