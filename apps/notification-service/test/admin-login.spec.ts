import { randomUUID } from 'node:crypto';
import { eventually, TestTokenIssuer } from '@capstone/platform/testing';
import { decodeJwt } from 'jose';
import type { Response } from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the login page logs in at the real auth-service, built by its own test harness
import { startAuthService, type AuthServiceUnderTest } from '../../auth-service/test/auth-service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import {
  logInProvisioned,
  provisionAccounts,
  TEST_PASSWORD,
} from '../../auth-service/test/provisioned-accounts';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';
import { TestSmtpServer } from './support/test-smtp-server';

const admin = '/api/notifications/v1/admin';
const loginPage = `${admin}/login`;
const mailbox = `${admin}/mailbox`;
const dashboard = `${admin}/queues`;
const browser = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const sameOrigin = { 'Sec-Fetch-Site': 'same-origin' };

/** The admin session cookie a response sets, with its attributes, or undefined. */
function sessionCookieIn(response: Response): string | undefined {
  return [response.headers['set-cookie'] ?? []]
    .flat()
    .find((cookie: string) => cookie.startsWith('admin_session='));
}

const cookieHeader = (setCookie: string) => setCookie.split(';', 1)[0];

describe("the administrators' pages in development, behind a login page", () => {
  let auth: AuthServiceUnderTest;
  let service: NotificationServiceUnderTest;
  let foreignIssuer: TestTokenIssuer;

  beforeAll(async () => {
    // Every test logs the same administrator in: development's limits, as npm start runs them.
    auth = await startAuthService('admin-login', {
      environment: { RATE_LIMIT_LOGIN_PER_IP: '1000/1h', RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000/1h' },
    });
    await auth.app.listen(0, '127.0.0.1');
    const authUrl = await auth.app.getUrl();
    await provisionAccounts(auth, [
      { email: 'root@example.com', username: 'root', admin: true },
      { email: 'reader@example.com', username: 'reader', admin: false },
    ]);
    // Plays no part in the service's trust: its tokens are what a forger could make.
    foreignIssuer = await TestTokenIssuer.start();
    service = await startNotificationService('admin-login', {
      issuer: foreignIssuer,
      environment: {
        NODE_ENV: 'development',
        JWKS_URL: `${authUrl}/.well-known/jwks.json`,
        JWT_ISSUER: 'http://auth.test',
        AUTH_INTERNAL_URL: authUrl,
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    await auth?.close();
    await foreignIssuer?.close();
  });

  function logIn(email: string, password = TEST_PASSWORD, returnTo = mailbox) {
    return service.http
      .post(loginPage)
      .set(sameOrigin)
      .type('form')
      .send({ email, password, returnTo });
  }

  async function adminCookie(): Promise<string> {
    const response = await logIn('root@example.com').expect(303);
    return cookieHeader(sessionCookieIn(response) ?? '');
  }

  it.each([mailbox, dashboard])(
    'sends a browser without a session from %s to the login page, which returns there',
    async (page) => {
      const response = await service.http.get(page).set(browser).expect(303);
      expect(response.headers.location).toBe(
        `${loginPage}?${new URLSearchParams({ returnTo: page })}`,
      );
    },
  );

  it('still answers an API client without a credential with a JSON 401', async () => {
    await service.http
      .get(mailbox)
      .set('Accept', 'application/json')
      .expect(401)
      .expect('Content-Type', /^application\/problem\+json/);
  });

  it('serves a login form that posts to itself', async () => {
    const { text } = await service.http
      .get(loginPage)
      .query({ returnTo: dashboard })
      .expect(200)
      .expect('Content-Type', /^text\/html/);
    expect(text).toContain(`<form method="post" action="${loginPage}">`);
    expect(text).toContain(`name="returnTo" value="${dashboard}"`);
  });

  it('logs an administrator in with an HttpOnly, SameSite=Strict cookie that only the admin pages receive', async () => {
    const response = await logIn('root@example.com', TEST_PASSWORD, dashboard).expect(303);
    expect(response.headers.location).toBe(dashboard);
    const cookie = sessionCookieIn(response);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(new RegExp(`; Path=${admin}(;|$)`));
    expect(cookie).toMatch(/; Max-Age=\d+/);
  });

  it('opens the mailbox and the queue dashboard, page and API, with that cookie', async () => {
    const cookie = await adminCookie();
    const page = await service.http.get(mailbox).set(browser).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('<h1>Development mailbox</h1>');
    await service.http
      .get(dashboard)
      .set(browser)
      .set('Cookie', cookie)
      .expect(200)
      .expect('Content-Type', /html/);
    const { body } = await service.http
      .get(`${dashboard}/api/queues`)
      .set('Cookie', cookie)
      .expect(200);
    expect(body.queues.map((queue: { name: string }) => queue.name)).toEqual(['mail']);
  });

  it('shows a browser each email with its links clickable and every value escaped', async () => {
    const cookie = await adminCookie();
    const to = `${randomUUID().slice(0, 8)}@example.com`;
    const verificationUrl = 'http://app.test/verify-email#token=abc&x=1';
    await service.enqueueMail({
      deliveryId: randomUUID(),
      to: { email: to, username: '<script>alert(1)</script>' },
      template: 'email-verification',
      variables: { verificationUrl, expiresAt: '2030-01-02T03:04:00.000Z' },
    });

    const page = await eventually(async () => {
      const { text } = await service.http
        .get(mailbox)
        .query({ to })
        .set(browser)
        .set('Cookie', cookie)
        .expect(200);
      expect(text).toContain('<article>');
      return text;
    });
    expect(page).toContain('<a href="http://app.test/verify-email#token=abc&amp;x=1">');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('refuses a wrong password with the form again, and sets no cookie', async () => {
    const response = await logIn('root@example.com', 'not the password').expect(401);
    expect(response.text).toContain('The email or password is wrong.');
    expect(sessionCookieIn(response)).toBeUndefined();
  });

  it('refuses a user who is not an administrator, and ends the session it opened for them', async () => {
    const response = await logIn('reader@example.com').expect(403);
    expect(response.text).toContain('for administrators only');
    expect(sessionCookieIn(response)).toBeUndefined();

    const reader = await logInProvisioned(auth, 'reader@example.com');
    const { body: sessions } = await auth.http
      .get('/api/auth/v1/sessions')
      .set(reader.bearer)
      .expect(200);
    expect(sessions.map((session: { id: string }) => session.id)).toEqual([reader.sessionId]);
  });

  it('does not take a token auth-service did not sign from the cookie, and clears it', async () => {
    const forged = await foreignIssuer.mint({ claims: { roles: ['user', 'admin'] } });
    const response = await service.http
      .get(mailbox)
      .set(browser)
      .set('Cookie', `admin_session=${forged}`)
      .expect(303);
    expect(response.headers.location).toMatch(new RegExp(`^${loginPage}\\?`));
    expect(sessionCookieIn(response)).toMatch(/Expires=Thu, 01 Jan 1970/);
    await service.http.get(mailbox).set('Cookie', `admin_session=${forged}`).expect(401);
  });

  it("does not lend the cookie an administrator's rights for a user's real token", async () => {
    const reader = await logInProvisioned(auth, 'reader@example.com');
    await service.http
      .get(mailbox)
      .set(browser)
      .set('Cookie', `admin_session=${reader.accessToken}`)
      .expect(303);
  });

  it("does not let another origin's page change the queues with the cookie", async () => {
    const cookie = await adminCookie();
    const pause = (headers: Record<string, string>) =>
      service.http.put(`${dashboard}/api/queues/mail/pause`).set('Cookie', cookie).set(headers);

    await pause({ 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost:4200' }).expect(401);
    await pause({ Origin: 'http://evil.example' }).expect(401);
    expect(await service.queues.get('mail').isPaused()).toBe(false);

    await pause(sameOrigin).expect(200);
    expect(await service.queues.get('mail').isPaused()).toBe(true);
    await service.http
      .put(`${dashboard}/api/queues/mail/resume`)
      .set('Cookie', cookie)
      .set(sameOrigin)
      .expect(200);
  });

  it('refuses a login form posted from another origin', async () => {
    const response = await service.http
      .post(loginPage)
      .set({ 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.example' })
      .type('form')
      .send({ email: 'root@example.com', password: TEST_PASSWORD })
      .expect(403);
    expect(sessionCookieIn(response)).toBeUndefined();
  });

  it.each(['https://evil.example/', '//evil.example/', `${admin}/../../elsewhere`, '/docs'])(
    'returns only to an administrators’ page after login, not to %s',
    async (returnTo) => {
      const response = await logIn('root@example.com', TEST_PASSWORD, returnTo).expect(303);
      expect(response.headers.location).toBe(mailbox);
    },
  );

  it('logs out: the cookie is cleared and the auth-service session ends', async () => {
    const cookie = await adminCookie();
    const token = cookie.slice('admin_session='.length);
    const response = await service.http
      .post(`${admin}/logout`)
      .set('Cookie', cookie)
      .set(sameOrigin)
      .expect(303);
    expect(response.headers.location).toBe(loginPage);
    expect(sessionCookieIn(response)).toMatch(/Expires=Thu, 01 Jan 1970/);

    // The access token still verifies until it expires, but the session behind it is gone.
    const root = await logInProvisioned(auth, 'root@example.com');
    const { body: sessions } = await auth.http
      .get('/api/auth/v1/sessions')
      .set(root.bearer)
      .expect(200);
    expect(sessions.map((session: { id: string }) => session.id)).not.toContain(
      decodeJwt(token).sid,
    );
  });
});

describe("the administrators' pages in production", () => {
  let issuer: TestTokenIssuer;
  let smtp: TestSmtpServer;
  let service: NotificationServiceUnderTest;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    smtp = await TestSmtpServer.start();
    service = await startNotificationService('admin-login-production', {
      issuer,
      smtpUrl: smtp.url,
      environment: { NODE_ENV: 'production', AUTH_INTERNAL_URL: 'http://127.0.0.1:1' },
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
    await issuer?.close();
  });

  it('serves no login page', async () => {
    await service.http.get(loginPage).set(browser).expect(404);
    await service.http
      .post(loginPage)
      .type('form')
      .send({ email: 'root@example.com', password: 'x' })
      .expect(404);
  });

  it.each([mailbox, dashboard])(
    'answers a browser at %s with 401, even holding a valid administrator token in the cookie',
    async (page) => {
      const adminToken = `admin_session=${service.adminToken}`;
      await service.http.get(page).set(browser).expect(401);
      await service.http.get(page).set(browser).set('Cookie', adminToken).expect(401);
    },
  );

  it('still lets an administrator in with a bearer token', async () => {
    await service.http
      .get(dashboard)
      .set('Authorization', `Bearer ${service.adminToken}`)
      .expect(200);
  });
});
