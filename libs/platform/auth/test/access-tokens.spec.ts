import { metricValue, TestTokenIssuer } from '@capstone/platform/testing';
import { jwtVerify } from 'jose';
import type { Response } from 'supertest';
import { AuthErrorCode } from '../src';
import { bearer, ProbeApp } from './fixtures/probe-app';

function expectRejected(response: Response, code: AuthErrorCode): void {
  expect(response.status).toBe(401);
  expect(response.body).toMatchObject({ code });
  expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
}

describe('access tokens on an authenticated route', () => {
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

  it('accepts a valid Bearer token and exposes its claims as the principal', async () => {
    const token = await issuer.mint({
      claims: {
        sub: 'user-1',
        sid: 'session-1',
        username: 'jake',
        roles: ['user'],
        email_verified: false,
      },
    });

    const response = await app.get('/me', bearer(token));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      userId: 'user-1',
      sessionId: 'session-1',
      username: 'jake',
      roles: ['user'],
      emailVerified: false,
      via: 'token',
    });
  });

  it.each(['Token', 'token', 'BEARER'])(
    'accepts the %s scheme, scheme names being case-insensitive',
    async (scheme) => {
      const response = await app.get('/me', { authorization: `${scheme} ${await issuer.mint()}` });

      expect(response.status).toBe(200);
    },
  );

  it('accepts the same token under the RealWorld Token scheme, whatever the scheme’s case', async () => {
    const token = await issuer.mint({ claims: { sub: 'user-2', username: 'jane' } });

    for (const scheme of ['Token', 'token', 'BEARER']) {
      const response = await app.get('/me', { authorization: `${scheme} ${token}` });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ userId: 'user-2', username: 'jane' });
    }
  });

  it('rejects a request without credentials as token_missing, with a bare Bearer challenge', async () => {
    const response = await app.get('/me');

    expectRejected(response, AuthErrorCode.TokenMissing);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('rejects an Authorization scheme it does not speak as token_invalid', async () => {
    expectRejected(
      await app.get('/me', { authorization: 'Basic amFrZTpqYWtl' }),
      AuthErrorCode.TokenInvalid,
    );
  });

  it('rejects a string that is not a JWT as token_invalid', async () => {
    expectRejected(await app.get('/me', bearer('not-a-jwt')), AuthErrorCode.TokenInvalid);
  });

  it('rejects an expired token as token_expired', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.expired())),
      AuthErrorCode.TokenExpired,
    );
  });

  it('accepts a token that expired within the 30-second clock skew allowance', async () => {
    const response = await app.get('/me', bearer(await issuer.mint({ expiresIn: -10 })));

    expect(response.status).toBe(200);
  });

  it('rejects a token that is not valid yet as token_not_yet_valid', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.notYetValid())),
      AuthErrorCode.TokenNotYetValid,
    );
  });

  it('rejects a token from another issuer as token_wrong_issuer', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.wrongIssuer())),
      AuthErrorCode.TokenWrongIssuer,
    );
  });

  it('rejects a token meant for another audience as token_wrong_audience', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.wrongAudience())),
      AuthErrorCode.TokenWrongAudience,
    );
  });

  it('rejects an unsigned alg:none token as token_unsupported_algorithm', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.algNone())),
      AuthErrorCode.TokenUnsupportedAlgorithm,
    );
  });

  it('rejects an HS256 token keyed with the public key, which a naive verifier accepts', async () => {
    const token = await issuer.attacks.hs256SignedWithPublicKey();
    const publicKeyAsSecret = new TextEncoder().encode(await issuer.publicKeyPem());
    await expect(jwtVerify(token, publicKeyAsSecret)).resolves.toMatchObject({
      protectedHeader: { alg: 'HS256' },
    });

    expectRejected(await app.get('/me', bearer(token)), AuthErrorCode.TokenUnsupportedAlgorithm);
  });

  it('rejects a token whose algorithm does not fit the key its kid names', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.algorithmNotMatchingKey())),
      AuthErrorCode.TokenUnsupportedAlgorithm,
    );
  });

  it('rejects a genuine token whose payload was edited as token_invalid', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.tamperedPayload())),
      AuthErrorCode.TokenInvalid,
    );
  });

  it('rejects a token signed by an unpublished key as token_unknown_key', async () => {
    expectRejected(
      await app.get('/me', bearer(await issuer.attacks.unknownKid())),
      AuthErrorCode.TokenUnknownKey,
    );
  });

  it.each(['sub', 'sid', 'username', 'roles', 'email_verified', 'exp'])(
    'rejects a token without the %s claim as token_invalid',
    async (claim) => {
      const token = await issuer.mint({ claims: { [claim]: undefined } });

      expectRejected(await app.get('/me', bearer(token)), AuthErrorCode.TokenInvalid);
    },
  );

  it('rejects a token with a role auth-service does not grant as token_invalid', async () => {
    const token = await issuer.mint({ claims: { roles: ['superuser'] } });

    expectRejected(await app.get('/me', bearer(token)), AuthErrorCode.TokenInvalid);
  });

  it('rejects a token without a key id as token_invalid', async () => {
    const token = await issuer.mint({ header: { kid: undefined } });

    expectRejected(await app.get('/me', bearer(token)), AuthErrorCode.TokenInvalid);
  });

  it('counts every verification by credential kind and result on the default registry', async () => {
    const count = (result: string) =>
      metricValue('auth_verifications_total', { credential: 'access-token', result });
    const [acceptedBefore, expiredBefore] = [
      await count('accepted'),
      await count(AuthErrorCode.TokenExpired),
    ];

    await app.get('/me', bearer(await issuer.mint()));
    await app.get('/me', bearer(await issuer.attacks.expired()));

    expect(await count('accepted')).toBe(acceptedBefore + 1);
    expect(await count(AuthErrorCode.TokenExpired)).toBe(expiredBefore + 1);
  });
});
