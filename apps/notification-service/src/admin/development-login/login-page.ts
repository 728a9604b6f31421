import { html } from '../../templates/html';
import { adminPage } from '../admin-page';
import { ADMIN_PATH, isAdminPath } from '../admin-paths';

export const LOGIN_PATH = `${ADMIN_PATH}/login`;
export const LOGOUT_PATH = `${ADMIN_PATH}/logout`;
const defaultReturnPath = `${ADMIN_PATH}/mailbox`;

export interface LoginPageState {
  returnTo: string;
  email?: string;
  problem?: string;
}

export function loginPage({ returnTo, email, problem }: LoginPageState): string {
  return adminPage(
    'Administrator login',
    html`<h1>Administrator login</h1>
      <p>
        <small
          >Development only: the seeded administrator (SEED_ADMIN_EMAIL in .env.example).</small
        >
      </p>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
      <form method="post" action="${LOGIN_PATH}">
        <input type="hidden" name="returnTo" value="${returnTo}" />
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          value="${email ?? ''}"
          required
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <button type="submit">Log in</button>
      </form>`,
  );
}

/** Where to go after logging in: only an administrators' page of this service, so the form is no open redirect. */
export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || !/^[\x21-\x7e]+$/.test(candidate)) return defaultReturnPath;
  const path = candidate.split('?', 1)[0];
  // Plain segments only: no dot segments (encoded or not) to climb out of the admin path.
  if (!/^(\/[\w-]+)+$/.test(path) || !isAdminPath(path)) return defaultReturnPath;
  if (path === LOGIN_PATH || path === LOGOUT_PATH) return defaultReturnPath;
  return candidate;
}

export function loginPathReturningTo(url: string): string {
  return `${LOGIN_PATH}?${new URLSearchParams({ returnTo: safeReturnPath(url) })}`;
}
