import {
  eventually,
  TestTokenIssuer,
  type TestTokenIssuerOptions,
} from '@capstone/platform/testing';
import { AuthErrorCode, type AuthOptions } from '../src';
import { bearer, ProbeApp } from './fixtures/probe-app';

describe('signing keys fetched from the JWKS', () => {
  let issuer: TestTokenIssuer;
  let app: ProbeApp;

  async function start(
    options: Partial<AuthOptions> = {},
    issuerOptions: TestTokenIssuerOptions = {},
  ) {
    issuer = await TestTokenIssuer.start(issuerOptions);
    app = await ProbeApp.start({
      ...issuer.authOptions,
      ...options,
    });
  }

  afterEach(async () => {
    await app.close();
    await issuer.close();
  });

  it('fetches the JWKS once for many concurrent first verifications', async () => {
    await start();

    const responses = await Promise.all(
      Array.from({ length: 10 }, async () => app.get('/me', bearer(await issuer.mint()))),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(issuer.jwksFetches).toBe(1);
  });

  it('refetches the JWKS exactly once for a token with an unknown key id', async () => {
    await start();
    await app.get('/me', bearer(await issuer.mint()));

    const response = await app.get('/me', bearer(await issuer.attacks.unknownKid()));

    expect(response.body).toMatchObject({ code: AuthErrorCode.TokenUnknownKey });
    expect(issuer.jwksFetches).toBe(2);
  });

  it('shares one refetch among a burst of unknown key ids and makes none for a second burst within the cooldown', async () => {
    await start({ keyRefetchCooldownMs: 60_000 });
    await app.get('/me', bearer(await issuer.mint()));
    const burst = async () => {
      const tokens = await Promise.all(
        Array.from({ length: 20 }, () => issuer.attacks.unknownKid()),
      );
      return Promise.all(tokens.map((token) => app.get('/me', bearer(token))));
    };

    const first = await burst();
    expect(first.every((response) => response.body.code === AuthErrorCode.TokenUnknownKey)).toBe(
      true,
    );
    expect(issuer.jwksFetches).toBe(2);

    const second = await burst();
    expect(second.every((response) => response.body.code === AuthErrorCode.TokenUnknownKey)).toBe(
      true,
    );
    expect(issuer.jwksFetches).toBe(2);
  });

  it('accepts a burst of tokens from a newly rotated key after one shared refetch', async () => {
    await start();
    const beforeRotation = await issuer.mint();
    await app.get('/me', bearer(beforeRotation));

    await issuer.rotate();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => issuer.mint()));
    const responses = await Promise.all(tokens.map((token) => app.get('/me', bearer(token))));

    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(issuer.jwksFetches).toBe(2);
    expect((await app.get('/me', bearer(beforeRotation))).status).toBe(200);
  });

  it('rejects a retired key once the cached keys have aged out', async () => {
    await start({ keyMaxAgeMs: 1_000 });
    const retiredKid = issuer.currentKid;
    const token = await issuer.mint();
    await app.get('/me', bearer(token));

    await issuer.rotate();
    issuer.retire(retiredKid);

    expect((await app.get('/me', bearer(token))).status).toBe(200);
    await eventually(async () => {
      const response = await app.get('/me', bearer(token));
      expect(response.body).toMatchObject({ code: AuthErrorCode.TokenUnknownKey });
    });
  });

  it('keeps accepting known keys while the JWKS endpoint is down', async () => {
    await start({ keyMaxAgeMs: 50, keyRefetchCooldownMs: 50 });
    const token = await issuer.mint();
    await app.get('/me', bearer(token));

    issuer.jwksAvailable = false;
    const statuses: number[] = [];
    await eventually(async () => {
      statuses.push((await app.get('/me', bearer(token))).status);
      expect(issuer.jwksFetches).toBeGreaterThanOrEqual(3);
    });

    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('answers 503 auth_unavailable while no keys could ever be fetched', async () => {
    await start();
    issuer.jwksAvailable = false;

    const response = await app.get('/me', bearer(await issuer.mint()));

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: AuthErrorCode.AuthUnavailable });
  });

  it('verifies ES256 tokens under the default allow-list', async () => {
    await start({}, { algorithm: 'ES256' });

    expect((await app.get('/me', bearer(await issuer.mint()))).status).toBe(200);
  });

  it('rejects EdDSA tokens when the allow-list names only ES256', async () => {
    await start({ algorithms: ['ES256'] });

    const response = await app.get('/me', bearer(await issuer.mint()));

    expect(response.body).toMatchObject({ code: AuthErrorCode.TokenUnsupportedAlgorithm });
  });
});
