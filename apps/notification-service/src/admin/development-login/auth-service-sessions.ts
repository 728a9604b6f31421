/** What auth-service said to a login attempt. */
export type LoginOutcome =
  | { accepted: true; accessToken: string; expiresIn: number }
  | { accepted: false; status: number; message: string };

const loginPath = '/api/auth/v1/sessions';
// A login page that hangs is worse than one that says auth-service did not answer.
const timeoutMs = 5_000;

/**
 * auth-service's real session API, called server-side from the development login page: the
 * password goes where every other login goes, with its rate limits, lockout and audit.
 */
export class AuthServiceSessions {
  constructor(private readonly origin: string) {}

  /** `clientIp` is the browser's, so auth-service's per-IP limits count the person, not this service. */
  async logIn(email: string, password: string, clientIp: string): Promise<LoginOutcome> {
    let response: Response;
    try {
      response = await fetch(new URL(loginPath, this.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': clientIp },
        body: JSON.stringify({ email, password }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return {
        accepted: false,
        status: 503,
        message: `auth-service did not answer at ${this.origin}: ${(error as Error).message}`,
      };
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (
      response.status === 201 &&
      typeof body.accessToken === 'string' &&
      typeof body.expiresIn === 'number'
    ) {
      return { accepted: true, accessToken: body.accessToken, expiresIn: body.expiresIn };
    }
    if (response.status === 401) {
      return { accepted: false, status: 401, message: 'The email or password is wrong.' };
    }
    return {
      accepted: false,
      status: response.status,
      message:
        typeof body.detail === 'string' ? body.detail : `auth-service answered ${response.status}`,
    };
  }

  /** Ends the session behind this access token; an auth-service that cannot be reached is not an error here. */
  async logOut(accessToken: string): Promise<void> {
    await fetch(new URL(`${loginPath}/current`, this.origin), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => undefined);
  }
}
