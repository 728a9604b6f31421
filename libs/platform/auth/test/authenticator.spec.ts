import { TestTokenIssuer } from '@capstone/platform/testing';
import { AuthError, AuthErrorCode, createAuthenticator, type Authenticator } from '../src';

describe('Authenticator outside HTTP', () => {
  let issuer: TestTokenIssuer;
  let authenticator: Authenticator;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    authenticator = createAuthenticator(issuer.authOptions);
  });

  afterAll(() => issuer.close());

  it('verifies the token a socket.io client sends in its handshake', async () => {
    const handshake = { auth: { token: await issuer.mint({ claims: { username: 'jake' } }) } };

    const principal = await authenticator.authenticate({
      kind: 'access-token',
      token: handshake.auth.token,
    });

    expect(principal).toMatchObject({ username: 'jake', via: 'token' });
  });

  it('rejects with an AuthError whose stable code the transport can map', async () => {
    const verification = authenticator.authenticate({
      kind: 'access-token',
      token: await issuer.attacks.expired(),
    });

    await expect(verification).rejects.toBeInstanceOf(AuthError);
    await expect(verification).rejects.toMatchObject({ code: AuthErrorCode.TokenExpired });
  });
});
