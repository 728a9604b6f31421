import { TestTokenIssuer } from '@capstone/platform/testing';
import { AuthErrorCode, type ApiKeyVerificationResponse } from '../src';
import { ApiKeyAuthority } from './fixtures/api-key-authority';
import { bearer, ProbeApp } from './fixtures/probe-app';

const owner = (scopes: string[]): ApiKeyVerificationResponse => ({
  userId: 'user-9',
  username: 'grace',
  roles: ['user'],
  emailVerified: true,
  scopes,
});

describe('routes that require scopes', () => {
  let issuer: TestTokenIssuer;
  let authority: ApiKeyAuthority;
  let app: ProbeApp;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    authority = await ApiKeyAuthority.start();
    app = await ProbeApp.start({
      ...issuer.authOptions,
      apiKeys: { authInternalUrl: authority.url },
    });
  });

  afterAll(async () => {
    await app.close();
    await authority.close();
    await issuer.close();
  });

  const withKey = (scopes: string[]) => ({ 'x-api-key': authority.issue(owner(scopes)) });

  it('admit an API key that carries every required scope, and more', async () => {
    const response = await app.get(
      '/drafts',
      withKey(['articles:write', 'articles:read', 'comments:write']),
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ author: 'grace' });
  });

  it('refuse an API key that lacks one of them with 403 insufficient_scope, naming it', async () => {
    const response = await app.get('/drafts', withKey(['articles:read']));

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      code: AuthErrorCode.InsufficientScope,
      message: 'this API key lacks the scopes: articles:write',
    });
  });

  it('refuse an API key granted no scopes at all, whichever header carries it', async () => {
    const key = authority.issue(owner([]));

    expect((await app.get('/drafts', { 'x-api-key': key })).status).toBe(403);
    expect((await app.get('/drafts', { authorization: `ApiKey ${key}` })).status).toBe(403);
  });

  it('match scopes exactly, not by prefix or case', async () => {
    for (const scopes of [['articles:*'], ['articles'], ['Articles:Read', 'Articles:Write']])
      expect((await app.get('/drafts', withKey(scopes))).status).toBe(403);
  });

  it("admit an access token, which carries its user's full rights", async () => {
    const response = await app.get('/drafts', bearer(await issuer.mint()));

    expect(response.status).toBe(200);
  });

  it('still ask an anonymous caller for a credential first', async () => {
    const response = await app.get('/drafts');

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: AuthErrorCode.TokenMissing });
  });

  it('narrow only API keys on an @OptionalAuth() route: anonymous callers still pass', async () => {
    expect((await app.get('/feed')).body).toEqual({ reader: null });
    expect((await app.get('/feed', withKey(['articles:read']))).body).toEqual({ reader: 'grace' });
    expect((await app.get('/feed', withKey(['articles:write']))).status).toBe(403);
  });
});
