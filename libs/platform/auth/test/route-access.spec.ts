import { TestTokenIssuer } from '@capstone/platform/testing';
import { AuthErrorCode } from '../src';
import { bearer, ProbeApp } from './fixtures/probe-app';

describe('route access rules', () => {
  let issuer: TestTokenIssuer;
  let app: ProbeApp;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    app = await ProbeApp.start(issuer.authOptions);
  });

  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  it('serves a @Public() route without a token', async () => {
    const response = await app.get('/status');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ up: true, user: null });
  });

  it('does not read credentials on a @Public() route, even invalid ones', async () => {
    const response = await app.get('/status', bearer(await issuer.attacks.expired()));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ up: true, user: null });
  });

  it('serves an @OptionalAuth() route anonymously when no token is sent', async () => {
    const response = await app.get('/articles');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ viewer: null });
  });

  it('attaches the user on an @OptionalAuth() route when a valid token is sent', async () => {
    const response = await app.get(
      '/articles',
      bearer(await issuer.mint({ claims: { username: 'celeb' } })),
    );

    expect(response.body).toEqual({ viewer: 'celeb' });
  });

  it('rejects an invalid token on an @OptionalAuth() route instead of serving it anonymously', async () => {
    const response = await app.get('/articles', bearer(await issuer.attacks.expired()));

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: AuthErrorCode.TokenExpired });
  });

  it('forbids an @Roles("admin") route to a user without the admin role', async () => {
    const response = await app.get(
      '/admin/users',
      bearer(await issuer.mint({ claims: { roles: ['user'] } })),
    );

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: AuthErrorCode.Forbidden });
  });

  it('admits an admin to an @Roles("admin") route', async () => {
    const token = await issuer.mint({ claims: { roles: ['user', 'admin'] } });

    expect((await app.get('/admin/users', bearer(token))).status).toBe(200);
  });

  it('asks an anonymous caller of an @Roles("admin") route for a token', async () => {
    const response = await app.get('/admin/users');

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: AuthErrorCode.TokenMissing });
  });

  it('rejects a token that edited itself into an admin', async () => {
    const response = await app.get('/admin/users', bearer(await issuer.attacks.tamperedPayload()));

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: AuthErrorCode.TokenInvalid });
  });
});
