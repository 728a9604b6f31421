import { UserRegistered, UserEmailVerified } from '@capstone/contracts';
import { awaitKafkaEvent } from '@capstone/platform/testing';
import { decodeJwt } from 'jose';
import {
  startAuthService,
  PUBLIC_APP_URL,
  type AuthServiceUnderTest,
} from '../../test/auth-service';
import { logIn, mailTo, newAccount, newClientIp, register, tokenInLink } from '../../test/accounts';

describe('registration and email verification', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('registration');
  });

  afterEach(() => service.clock.reset());
  afterAll(() => service.close());

  const registerAs = (account: object) =>
    service.http.post('/api/auth/v1/accounts').set('X-Forwarded-For', newClientIp()).send(account);
  const confirm = (token: string) =>
    service.http.post('/api/auth/v1/email-verification/confirm').send({ token });

  it('announces a new account on auth.users through the outbox', async () => {
    const account = await register(service);
    const event = await awaitKafkaEvent(
      service.topic('auth.users'),
      (candidate) =>
        candidate.type === UserRegistered.type &&
        (candidate.data as { email: string }).email === account.email,
    );
    expect(event.data).toMatchObject({
      username: account.username,
      roles: ['user'],
      emailVerified: false,
      bio: null,
    });
    expect(JSON.stringify(event)).not.toContain(account.password);
  });

  it('emails a verification link that verifies the address and reaches the token claims', async () => {
    const account = await register(service);
    const mail = await mailTo(service, account.email, 'email-verification');
    if (mail.template !== 'email-verification') throw new Error('unexpected template');
    expect(mail.variables.verificationUrl.startsWith(`${PUBLIC_APP_URL}/verify-email#token=`)).toBe(
      true,
    );

    const { body } = await confirm(tokenInLink(mail.variables.verificationUrl)).expect(200);
    expect(body.emailVerified).toBe(true);
    const { accessToken } = await logIn(service, account);
    expect(decodeJwt(accessToken).email_verified).toBe(true);
    await awaitKafkaEvent(
      service.topic('auth.users'),
      (candidate) =>
        candidate.type === UserEmailVerified.type &&
        (candidate.data as { email: string }).email === account.email,
    );
  });

  it('keeps the verification link off auth.users', async () => {
    const account = await register(service);
    const mail = await mailTo(service, account.email, 'email-verification');
    if (mail.template !== 'email-verification') throw new Error('unexpected template');
    const token = tokenInLink(mail.variables.verificationUrl);

    const event = await awaitKafkaEvent(
      service.topic('auth.users'),
      (candidate) =>
        candidate.type === UserRegistered.type &&
        (candidate.data as { email: string }).email === account.email,
    );
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('refuses a verification link used twice', async () => {
    const account = await register(service);
    const mail = await mailTo(service, account.email, 'email-verification');
    if (mail.template !== 'email-verification') throw new Error('unexpected template');
    const token = tokenInLink(mail.variables.verificationUrl);
    await confirm(token).expect(200);
    const { body } = await confirm(token).expect(422);
    expect(body.code).toBe('link_invalid');
  });

  it('refuses a verification link after its 24 hours', async () => {
    const account = await register(service);
    const mail = await mailTo(service, account.email, 'email-verification');
    if (mail.template !== 'email-verification') throw new Error('unexpected template');
    service.clock.advance(24 * 3600 + 60);
    await confirm(tokenInLink(mail.variables.verificationUrl)).expect(422);
  });

  it('answers an already registered email exactly as a new one, and mails its owner a reset link', async () => {
    const account = await register(service);
    const fresh = await registerAs(newAccount()).expect(202);
    const again = await registerAs({ ...newAccount(), email: account.email }).expect(202);
    expect(again.body).toEqual(fresh.body);
    await mailTo(service, account.email, 'password-reset');
  });

  it('answers a taken username with 409', async () => {
    const account = await register(service);
    const { body } = await registerAs({
      ...newAccount(),
      username: account.username.toUpperCase(),
    }).expect(409);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'username', code: 'taken' })]);
  });

  it.each([
    ['shorter than 8 characters', 'qz7!kw', 'too_short'],
    ['longer than 128 characters', 'q'.repeat(129), 'too_long'],
    ['among the most common', 'password1', 'too_common'],
  ])('refuses a password %s', async (_, password, code) => {
    const { body } = await registerAs({ ...newAccount(), password }).expect(422);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'password', code })]);
  });

  it('refuses a password equal to the email or the username', async () => {
    const account = newAccount();
    for (const password of [account.email, `${account.username}`.padEnd(8, '9')]) {
      const username = password === account.email ? account.username : password;
      const { body } = await registerAs({ ...account, username, password }).expect(422);
      expect(body.errors[0].code).toBe('matches_account');
    }
  });

  it('accepts a passphrase of 64 characters with no composition rules', async () => {
    await registerAs({
      ...newAccount(),
      password: 'lowercase words only and nothing else at all here to see ok fine',
    }).expect(202);
  });

  it('rejects unknown fields and a malformed email with 422', async () => {
    await registerAs({ ...newAccount(), role: 'admin' }).expect(422);
    await registerAs({ ...newAccount(), email: 'not-an-email' }).expect(422);
  });
});
