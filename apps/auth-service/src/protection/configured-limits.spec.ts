import type { Response } from 'supertest';
import { newAccount, newClientIp, register } from '../../test/accounts';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { expectRetryAfterWithin } from '../../test/retry-after';

describe('rate limits set through configuration', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('configured-limits', {
      environment: {
        RATE_LIMIT_REGISTER_PER_IP: '7/2m',
        RATE_LIMIT_LOGIN_PER_ACCOUNT: '4/1m',
        LOGIN_LOCKOUT_FAILURES: '2/1h',
        LOGIN_LOCKOUT_FIRST_LOCK: '7s',
      },
    });
  });

  afterAll(() => service.close());

  const statusesOf = (responses: Response[]) =>
    responses.map(({ status }) => status).sort((a, b) => a - b);
  const refusalAmong = (responses: Response[]): Response => {
    const refusal = responses.find(({ status }) => status === 429);
    if (!refusal) throw new Error('expected one request to be refused');
    return refusal;
  };

  it('admits exactly the configured registrations per address when eight race for seven places', async () => {
    const ip = newClientIp();
    const raceStarted = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        service.http.post('/api/auth/v1/accounts').set('X-Forwarded-For', ip).send(newAccount()),
      ),
    );

    expect(statusesOf(responses)).toEqual([202, 202, 202, 202, 202, 202, 202, 429]);
    expectRetryAfterWithin(refusalAmong(responses), 120, raceStarted);
  });

  it('admits exactly the configured logins per account when five race from five addresses', async () => {
    const account = await register(service);
    const raceStarted = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        service.http
          .post('/api/auth/v1/sessions')
          .set('X-Forwarded-For', newClientIp())
          .send({ email: account.email, password: account.password }),
      ),
    );

    expect(statusesOf(responses)).toEqual([201, 201, 201, 201, 429]);
    expectRetryAfterWithin(refusalAmong(responses), 60, raceStarted);
  });

  it('locks an account at the configured failure count, for the configured first lock', async () => {
    const account = await register(service);
    const login = (password: string) =>
      service.http
        .post('/api/auth/v1/sessions')
        .set('X-Forwarded-For', newClientIp())
        .send({ email: account.email, password });

    await login('wrong guess number x').expect(401);
    const secondFailure = Date.now();
    await login('wrong guess number x').expect(401);

    expectRetryAfterWithin(await login(account.password).expect(429), 7, secondFailure);
  });
});
