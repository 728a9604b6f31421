import {
  base64url,
  decodeProtectedHeader,
  exportSPKI,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PrismaService } from '../database/prisma.service';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { registerAndLogIn } from '../../test/accounts';
import { KeyEncryption } from './key-encryption';
import { SigningKeyRing } from './signing-key-ring';

describe('access tokens and signing keys', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('access-tokens');
  });

  afterEach(() => service.clock.reset());
  afterAll(() => service.close());

  const account = (token: string) =>
    service.http.get('/api/auth/v1/account').set('Authorization', `Bearer ${token}`);
  const jwks = async () =>
    (await service.http.get('/.well-known/jwks.json').expect(200)).body.keys as JWK[];
  const segment = (value: object) => base64url.encode(JSON.stringify(value));
  const payloadOf = (token: string) =>
    JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1])));

  it('publishes its public keys and discovery document without authentication', async () => {
    const [key] = await jwks();
    expect(key).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: expect.any(String),
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(key).not.toHaveProperty('d');

    const { body } = await service.http.get('/.well-known/openid-configuration').expect(200);
    expect(body).toMatchObject({
      issuer: 'http://auth.test',
      jwks_uri: 'http://auth.test/.well-known/jwks.json',
      id_token_signing_alg_values_supported: ['EdDSA'],
    });
  });

  it('accepts its own token, verified against its key table', async () => {
    const { accessToken, email } = await registerAndLogIn(service);
    const { body } = await account(accessToken).expect(200);
    expect(body.email).toBe(email);
  });

  it('rejects an expired token', async () => {
    const { accessToken } = await registerAndLogIn(service);
    // Genuinely signed by the current key, with the lifetime it had an hour ago.
    const { kid, privateKey } = await service.app.get(SigningKeyRing).signer();
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({
      ...payloadOf(accessToken),
      iat: hourAgo,
      exp: hourAgo + 900,
    })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid })
      .sign(privateKey);
    const { body } = await account(expired).expect(401);
    expect(body.code).toBe('token_expired');
  });

  it('rejects a token whose payload was edited to grant admin', async () => {
    const { accessToken } = await registerAndLogIn(service);
    const [header, , signature] = accessToken.split('.');
    const forged = `${header}.${segment({ ...payloadOf(accessToken), roles: ['user', 'admin'] })}.${signature}`;
    expect((await account(forged).expect(401)).body.code).toBe('token_invalid');
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const { accessToken } = await registerAndLogIn(service);
    const { kid } = decodeProtectedHeader(accessToken);
    const unsigned = `${segment({ alg: 'none', typ: 'JWT', kid })}.${segment(payloadOf(accessToken))}.`;
    await account(unsigned).expect(401);
  });

  it('rejects HS256 signed with the published public key', async () => {
    const { accessToken } = await registerAndLogIn(service);
    const [published] = await jwks();
    const pem = await exportSPKI(
      (await importJWK(published, 'EdDSA', { extractable: true })) as CryptoKey,
    );
    const confused = await new SignJWT(payloadOf(accessToken))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: published.kid })
      .sign(new TextEncoder().encode(pem));
    expect((await account(confused).expect(401)).body.code).toBe('token_unsupported_algorithm');
  });

  it('stores private signing keys only sealed under the key from the environment', async () => {
    const [stored] = await service.app.get(PrismaService).signingKey.findMany();
    const sealed = stored.privateKeyEncrypted;
    expect(sealed).not.toContain('PRIVATE KEY');

    const environmentKey = new KeyEncryption(process.env.SIGNING_KEY_ENCRYPTION_KEY ?? '');
    expect(environmentKey.open(sealed, stored.kid)).toContain('-----BEGIN PRIVATE KEY-----');
    expect(() => environmentKey.open(sealed, 'another-kid')).toThrow();
    const otherKey = new KeyEncryption(randomBytes(32).toString('base64'));
    expect(() => otherKey.open(sealed, stored.kid)).toThrow();
  });

  it('rotates keys: publishes the new key first, signs with it once active, and drops the old one after its tokens expire', async () => {
    const ring = service.app.get(SigningKeyRing);
    const [original] = await jwks();
    const before = await registerAndLogIn(service);

    const rotated = await ring.rotate(600);
    expect((await jwks()).map((key) => key.kid)).toEqual(
      expect.arrayContaining([original.kid, rotated.kid]),
    );
    expect(decodeProtectedHeader((await registerAndLogIn(service)).accessToken).kid).toBe(
      original.kid,
    );

    service.clock.advance(601);
    const after = await registerAndLogIn(service);
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(rotated.kid);
    await account(before.accessToken).expect(200);

    service.clock.advance(900 + 60);
    expect((await jwks()).map((key) => key.kid)).toEqual([rotated.kid]);
  });

  it('rotates from the command line: npm run auth:rotate-keys publishes a key that signs after the delay', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'auth:rotate-keys', '--', '--activate-in', '900'],
      {
        cwd: join(__dirname, '../../../..'),
        env: { ...process.env, DATABASE_URL: service.database.url },
      },
    );
    const [, kid] = /published (\S+);/.exec(stdout) ?? [];
    // Replicas reread the key table every 30 s; the table itself shows what they will find.
    const keys = await service.app
      .get(PrismaService)
      .signingKey.findMany({ orderBy: { createdAt: 'asc' } });
    const added = keys.find((key) => key.kid === kid);
    expect(added?.retiredAt).toBeNull();
    expect(Number(added?.activatedAt) - Date.now()).toBeGreaterThan(890_000);
    expect(keys.filter((key) => key.retiredAt === null)).toHaveLength(1);
  });
});
