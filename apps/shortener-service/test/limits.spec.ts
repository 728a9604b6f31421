import type { Response } from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts and keys are made through the real auth-service
import { newClientIp, registerAndLogIn } from '../../auth-service/test/accounts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same check of Retry-After as auth-service's limits
import { expectRetryAfterWithin } from '../../auth-service/test/retry-after';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

const LINKS = '/api/shortener/v1/links';

describe('rate limits of shortener-service', () => {
  let stack: ShortenerStack;

  beforeAll(async () => {
    stack = await startShortenerStack('limits', {
      environment: {
        RATE_LIMIT_LINK_CREATE_PER_USER: '5/1m',
        RATE_LIMIT_LINK_CREATE_PER_API_KEY: '3/1m',
        RATE_LIMIT_LINK_IMPORT_PER_USER: '2/1m',
        RATE_LIMIT_LINK_PASSWORD_PER_IP: '3/2m',
      },
    });
  });

  afterAll(() => stack.close());

  const statusesOf = (responses: Response[]) =>
    responses.map(({ status }) => status).sort((a, b) => a - b);
  const race = <T>(count: number, attempt: () => Promise<T>) =>
    Promise.all(Array.from({ length: count }, attempt));
  const refusalAmong = (responses: Response[]): Response => {
    const refusal = responses.find(({ status }) => status === 429);
    if (!refusal) throw new Error('expected one request to be refused');
    return refusal;
  };

  const create = (headers: Record<string, string>) =>
    stack.shortener.http
      .post(LINKS)
      .set(headers)
      .send({ targetUrl: 'https://example.com/limited' });

  async function apiKey(token: string): Promise<string> {
    const { body } = await stack.auth.http
      .post('/api/auth/v1/api-keys')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'limited', scopes: ['links:write'] })
      .expect(201);
    return body.key;
  }

  it('creates exactly the configured links per user when eight race for five places', async () => {
    const { accessToken } = await registerAndLogIn(stack.auth);
    const raceStarted = Date.now();

    const responses = await race(8, () => create({ Authorization: `Bearer ${accessToken}` }));

    expect(statusesOf(responses)).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const refusal = refusalAmong(responses);
    expectRetryAfterWithin(refusal, 60, raceStarted);
    expect(refusal.body).toMatchObject({ status: 429, code: 'rate_limited' });
  });

  it("counts each API key's creations apart, and every one of them against its owner", async () => {
    const { accessToken } = await registerAndLogIn(stack.auth);
    const [first, second] = [await apiKey(accessToken), await apiKey(accessToken)];

    const byFirst = await race(6, () => create({ 'X-Api-Key': first }));
    expect(statusesOf(byFirst)).toEqual([201, 201, 201, 429, 429, 429]);
    // The owner has two of five left: the second key gets those, not its own three.
    const bySecond = await race(3, () => create({ 'X-Api-Key': second }));
    expect(statusesOf(bySecond)).toEqual([201, 201, 429]);
    await create({ Authorization: `Bearer ${accessToken}` }).expect(429);
  });

  it('keeps one user within their allowance without touching another user', async () => {
    const [spender, bystander] = [
      await registerAndLogIn(stack.auth),
      await registerAndLogIn(stack.auth),
    ];
    await race(6, () => create({ Authorization: `Bearer ${spender.accessToken}` }));

    await create({ Authorization: `Bearer ${bystander.accessToken}` }).expect(201);
  });

  it('admits exactly the configured imports per user when three race for two places', async () => {
    const { accessToken } = await registerAndLogIn(stack.auth);

    const responses = await race(3, () =>
      stack.shortener.http
        .post(`${LINKS}/import`)
        .set('Authorization', `Bearer ${accessToken}`)
        .attach('file', Buffer.from('targetUrl\nhttps://example.com/imported\n'), 'links.csv'),
    );

    expect(statusesOf(responses)).toEqual([200, 200, 429]);
  });

  describe('on the password form of a protected link', () => {
    let owner: string;
    const protectedLink = async (): Promise<string> => {
      const { body } = await create({ Authorization: `Bearer ${owner}` })
        .send({ targetUrl: 'https://example.com/secret', password: 'open sesame' })
        .expect(201);
      return body.code;
    };
    const guess = (code: string, password: string, ip: string) =>
      stack.shortener.http
        .post(`/s/${code}`)
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ password });

    beforeAll(async () => {
      owner = (await registerAndLogIn(stack.auth)).accessToken;
    });

    it('answers exactly the configured guesses per client IP when six race, then the form again with 429', async () => {
      const code = await protectedLink();
      const ip = newClientIp();
      const raceStarted = Date.now();

      const responses = await race(6, () => guess(code, 'wrong guess', ip));

      expect(statusesOf(responses)).toEqual([401, 401, 401, 429, 429, 429]);
      const refusal = refusalAmong(responses);
      expectRetryAfterWithin(refusal, 120, raceStarted);
      expect(refusal.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(refusal.headers['cache-control']).toBe('no-store');
      expect(refusal.text).toContain('Too many tries. Please wait 2 minutes and try again.');
      expect(refusal.text).toContain('type="password"');
    });

    it('refuses even the right password from that address while it waits, but not from another', async () => {
      const code = await protectedLink();
      const ip = newClientIp();
      for (let attempt = 1; attempt <= 3; attempt += 1)
        await guess(code, 'wrong guess', ip).expect(401);

      await guess(code, 'open sesame', ip).expect(429);
      const elsewhere = await guess(code, 'open sesame', newClientIp()).expect(302);
      expect(elsewhere.headers.location).toBe('https://example.com/secret');
    });

    it('counts guesses on each link apart', async () => {
      const [spent, other] = [await protectedLink(), await protectedLink()];
      const ip = newClientIp();
      for (let attempt = 1; attempt <= 3; attempt += 1)
        await guess(spent, 'wrong guess', ip).expect(401);

      await guess(other, 'wrong guess', ip).expect(401);
    });
  });
});
