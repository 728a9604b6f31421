import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import {
  logIn,
  mailTo,
  newClientIp,
  register,
  registerAndLogIn,
  tokenInLink,
} from '../../test/accounts';

describe('password reset and change', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('password-reset');
  });

  afterEach(() => service.clock.reset());
  afterAll(() => service.close());

  const requestReset = (email: string) =>
    service.http
      .post('/api/auth/v1/password-reset')
      .set('X-Forwarded-For', newClientIp())
      .send({ email });
  const confirmReset = (token: string, password: string) =>
    service.http.post('/api/auth/v1/password-reset/confirm').send({ token, password });
  const refresh = (refreshToken: string) =>
    service.http.post('/api/auth/v1/sessions/refresh').send({ refreshToken });

  async function resetToken(email: string): Promise<string> {
    await requestReset(email).expect(202);
    const mail = await mailTo(service, email, 'password-reset');
    if (mail.template !== 'password-reset') throw new Error('unexpected template');
    return tokenInLink(mail.variables.resetUrl);
  }

  it('answers a reset request for an unknown email exactly as for a known one', async () => {
    const account = await register(service);
    const known = await requestReset(account.email).expect(202);
    const unknown = await requestReset('nobody-known@example.com').expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.text).toBe(known.text);
  });

  it('sets a new password, ends every session and emails a notice', async () => {
    const account = await registerAndLogIn(service);
    await confirmReset(await resetToken(account.email), 'a fresh and unguessable phrase').expect(
      204,
    );

    await refresh(account.refreshToken).expect(401);
    await service.http
      .post('/api/auth/v1/sessions')
      .send({ email: account.email, password: account.password })
      .expect(401);
    await logIn(service, { email: account.email, password: 'a fresh and unguessable phrase' });
    await mailTo(service, account.email, 'password-changed');
  });

  it('refuses a reset link used twice', async () => {
    const account = await register(service);
    const token = await resetToken(account.email);
    await confirmReset(token, 'a fresh and unguessable phrase').expect(204);
    const { body } = await confirmReset(token, 'yet another fine phrase').expect(422);
    expect(body.code).toBe('link_invalid');
  });

  it('refuses a reset link after its 30 minutes', async () => {
    const account = await register(service);
    const token = await resetToken(account.email);
    service.clock.advance(31 * 60);
    await confirmReset(token, 'a fresh and unguessable phrase').expect(422);
  });

  it('keeps the link usable when the new password is refused', async () => {
    const account = await register(service);
    const token = await resetToken(account.email);
    await confirmReset(token, 'password').expect(422);
    await confirmReset(token, 'a fresh and unguessable phrase').expect(204);
  });

  it('changes the password with the current one and can end every other session', async () => {
    const account = await register(service);
    const here = await logIn(service, account);
    const elsewhere = await logIn(service, account);
    await service.http
      .post('/api/auth/v1/account/password')
      .set('Authorization', `Bearer ${here.accessToken}`)
      .send({
        currentPassword: account.password,
        newPassword: 'my brand new passphrase',
        endOtherSessions: true,
      })
      .expect(204);
    await refresh(elsewhere.refreshToken).expect(401);
    await refresh(here.refreshToken).expect(200);
    await mailTo(service, account.email, 'password-changed');
  });

  it('refuses a password change with a wrong current password', async () => {
    const account = await registerAndLogIn(service);
    const { body } = await service.http
      .post('/api/auth/v1/account/password')
      .set('Authorization', `Bearer ${account.accessToken}`)
      .send({ currentPassword: 'not my password', newPassword: 'my brand new passphrase' })
      .expect(422);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
  });
});
