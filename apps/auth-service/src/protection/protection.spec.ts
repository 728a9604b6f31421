import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { newAccount, newClientIp, register, registerAndLogIn } from '../../test/accounts';
import { expectRetryAfterWithin } from '../../test/retry-after';
import { LoginLockout } from './login-lockout';

describe('protection against brute force', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('protection');
  });

  afterAll(() => service.close());

  const login = (email: string, password: string, ip = newClientIp()) =>
    service.http.post('/api/auth/v1/sessions').set('X-Forwarded-For', ip).send({ email, password });

  it('locks an account for 30 seconds after five failed logins, with 429, Retry-After and a generic message', async () => {
    const account = await register(service);
    for (let attempt = 1; attempt <= 4; attempt += 1)
      await login(account.email, 'wrong guess number x').expect(401);
    const fifthFailure = Date.now();
    await login(account.email, 'wrong guess number x').expect(401);

    const locked = await login(account.email, account.password).expect(429);
    expectRetryAfterWithin(locked, 30, fifthFailure);
    expect(locked.body).toMatchObject({
      code: 'rate_limited',
      detail: 'Too many attempts; try again later',
    });
  });

  it('locks an unknown email the same way, so the lock reveals no account', async () => {
    const known = await register(service);
    const unknown = 'nobody-registered@example.com';
    const answers = [];
    for (const email of [known.email, unknown]) {
      for (let attempt = 1; attempt <= 5; attempt += 1)
        await login(email, 'wrong guess number x').expect(401);
      const { status, body } = await login(email, 'wrong guess number x');
      answers.push({ status, body: { ...body, requestId: undefined } });
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it('doubles the lock with each further failure, up to an hour, and lifts it on success', async () => {
    const { email } = await register(service);
    const lockout = service.app.get(LoginLockout);
    const lockAfter = async (failures: number) => {
      for (let failure = 1; failure <= failures; failure += 1) await lockout.recordFailure(email);
      return lockout.remainingMs(email);
    };

    expect(await lockAfter(4)).toBe(0);
    for (const expectedSeconds of [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]) {
      const remainingMs = await lockAfter(1);
      expect(remainingMs).toBeGreaterThan((expectedSeconds - 1) * 1000);
      expect(remainingMs).toBeLessThanOrEqual(expectedSeconds * 1000);
    }
    await lockout.recordSuccess(email);
    expect(await lockAfter(4)).toBe(0);
  });

  it('limits logins per client IP across accounts to 30 in five minutes', async () => {
    const ip = newClientIp();
    const windowOpened = Date.now();
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      await login(`someone-${attempt}@example.com`, 'wrong guess number x', ip).expect(401);
    }
    const limited = await login('someone-else@example.com', 'wrong guess number x', ip).expect(429);
    expectRetryAfterWithin(limited, 300, windowOpened);
  });

  it('limits registrations per email, whatever address they come from', async () => {
    const account = newAccount();
    const registerAs = (username: string) =>
      service.http
        .post('/api/auth/v1/accounts')
        .set('X-Forwarded-For', newClientIp())
        .send({ ...account, username });
    const windowOpened = Date.now();
    for (let attempt = 1; attempt <= 3; attempt += 1)
      await registerAs(`${account.username}_${attempt}`).expect(202);

    const limited = await registerAs(`${account.username}_4`).expect(429);
    expectRetryAfterWithin(limited, 3600, windowOpened);
  });

  it('limits registrations per client IP across emails', async () => {
    const ip = newClientIp();
    const registerFrom = () =>
      service.http.post('/api/auth/v1/accounts').set('X-Forwarded-For', ip).send(newAccount());
    for (let attempt = 1; attempt <= 10; attempt += 1) await registerFrom().expect(202);

    await registerFrom().expect(429);
  });

  it('limits requests for a new verification email per client IP', async () => {
    const me = await registerAndLogIn(service);
    const ip = newClientIp();
    const resend = () =>
      service.http
        .post('/api/auth/v1/email-verification')
        .set('Authorization', `Bearer ${me.accessToken}`)
        .set('X-Forwarded-For', ip);
    for (let attempt = 1; attempt <= 5; attempt += 1) await resend().expect(202);

    await resend().expect(429);
  });

  it('limits password-reset requests per account', async () => {
    const account = await register(service);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await service.http
        .post('/api/auth/v1/password-reset')
        .set('X-Forwarded-For', newClientIp())
        .send({ email: account.email })
        .expect(202);
    }
    await service.http
      .post('/api/auth/v1/password-reset')
      .set('X-Forwarded-For', newClientIp())
      .send({ email: account.email })
      .expect(429);
  });
});
