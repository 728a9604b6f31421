import { eventually, TestTokenIssuer } from '@capstone/platform/testing';
import {
  ApiKeyVerifier,
  AuthErrorCode,
  CachingApiKeyVerifier,
  HttpApiKeyVerifier,
  type ApiKeyVerificationResponse,
} from '../src';
import { ApiKeyAuthority } from './fixtures/api-key-authority';
import { bearer, ProbeApp } from './fixtures/probe-app';

const ada: ApiKeyVerificationResponse = {
  userId: 'user-7',
  username: 'ada',
  roles: ['user'],
  emailVerified: true,
  scopes: ['articles:write'],
};

describe('personal API keys verified by auth-service', () => {
  const cacheTtlMs = 1_000;
  let issuer: TestTokenIssuer;
  let authority: ApiKeyAuthority;
  let app: ProbeApp;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    authority = await ApiKeyAuthority.start();
    app = await ProbeApp.start({
      ...issuer.authOptions,
      apiKeys: { authInternalUrl: authority.url, cacheTtlMs },
    });
  });

  afterAll(async () => {
    await app.close();
    await authority.close();
    await issuer.close();
  });

  it('accepts a key in the X-Api-Key header as an api-key principal with its scopes', async () => {
    const response = await app.get('/me', { 'x-api-key': authority.issue(ada) });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...ada, via: 'api-key' });
  });

  it('accepts a key sent with the ApiKey Authorization scheme', async () => {
    const response = await app.get('/me', { authorization: `ApiKey ${authority.issue(ada)}` });

    expect(response.status).toBe(200);
  });

  it('asks auth-service once per key within the cache TTL, for valid and invalid keys alike', async () => {
    const key = authority.issue(ada);
    const lookupsBefore = authority.lookups;

    await Promise.all([1, 2, 3].map(() => app.get('/me', { 'x-api-key': key })));
    await Promise.all([1, 2, 3].map(() => app.get('/me', { 'x-api-key': 'cap_never-issued' })));

    expect(authority.lookups).toBe(lookupsBefore + 2);
  });

  it('keeps accepting a revoked key within the cache TTL and rejects it once the TTL has passed', async () => {
    const key = authority.issue(ada);
    await app.get('/me', { 'x-api-key': key });

    authority.revoke(key);

    expect((await app.get('/me', { 'x-api-key': key })).status).toBe(200);
    await eventually(
      async () => {
        const response = await app.get('/me', { 'x-api-key': key });
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ code: AuthErrorCode.ApiKeyInvalid });
      },
      { timeoutMs: cacheTtlMs * 3 },
    );
  });

  it('rejects a key auth-service does not know as api_key_invalid', async () => {
    const response = await app.get('/me', { 'x-api-key': 'cap_forged' });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: AuthErrorCode.ApiKeyInvalid });
  });

  it('rejects a request that sends both a token and an API key', async () => {
    const response = await app.get('/me', {
      ...bearer(await issuer.mint()),
      'x-api-key': authority.issue(ada),
    });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: AuthErrorCode.TokenInvalid });
  });

  it('answers 503 auth_unavailable while auth-service cannot answer, without caching the outage', async () => {
    const key = authority.issue(ada);
    authority.available = false;

    const duringOutage = await app.get('/me', { 'x-api-key': key });
    authority.available = true;
    const afterOutage = await app.get('/me', { 'x-api-key': key });

    expect(duringOutage.status).toBe(503);
    expect(duringOutage.body).toMatchObject({ code: AuthErrorCode.AuthUnavailable });
    expect(afterOutage.status).toBe(200);
  });

  it('refuses a cache TTL over one minute, so a revocation always applies within a minute', () => {
    expect(() => new CachingApiKeyVerifier(new HttpApiKeyVerifier(authority.url), 61_000)).toThrow(
      RangeError,
    );
  });
});

describe('a service configured without API keys', () => {
  it('rejects an API key as api_key_invalid', async () => {
    const issuer = await TestTokenIssuer.start();
    const app = await ProbeApp.start(issuer.authOptions);

    const response = await app.get('/me', { 'x-api-key': 'cap_anything' });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: AuthErrorCode.ApiKeyInvalid });
    await app.close();
    await issuer.close();
  });
});

describe('the API key answer cache', () => {
  it('holds at most its maximum of answers, making room by forgetting the oldest', async () => {
    const asked: string[] = [];
    const authority = new (class extends ApiKeyVerifier {
      async verify(key: string): Promise<null> {
        asked.push(key);
        return null;
      }
    })();
    const cache = new CachingApiKeyVerifier(authority, 30_000, 2);

    for (const key of ['key-a', 'key-b', 'key-c', 'key-b', 'key-a']) await cache.verify(key);

    expect(asked).toEqual(['key-a', 'key-b', 'key-c', 'key-a']);
  });
});
