import { probeBadInput, type BadInputReport } from '@capstone/platform/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { provisionAndLogIn } from '../../auth-service/test/provisioned-accounts';
import { limitsEnvironment } from '../src/config/limits-environment';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

// Thousands of requests from one user and address: every limit generous, so the cases reach validation.
const generousLimits = Object.fromEntries(
  Object.keys(limitsEnvironment())
    .filter((name) => name.startsWith('RATE_LIMIT_'))
    .map((name) => [name, '1000000/1h']),
);

describe('shortener-service given bad input', () => {
  let stack: ShortenerStack;
  let report: BadInputReport;

  beforeAll(async () => {
    stack = await startShortenerStack('bad-input', { environment: generousLimits });
    const user = await registerAndLogIn(stack.auth);
    const admin = await provisionAndLogIn(stack.auth, 'bad_input_admin', { admin: true });
    // A real link, so cases that reach past validation find something to act on.
    await stack.shortener.http
      .post('/api/shortener/v1/links')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .send({ targetUrl: 'https://example.com/probed' })
      .expect(201);
    report = await probeBadInput(stack.shortener.app, {
      signIn: async () => ({ user: user.accessToken, admin: admin.accessToken }),
    });
  }, 240_000);

  afterAll(() => stack.close());

  it('answers every operation in its OpenAPI document with a 4xx, never a 5xx or a hang', () => {
    expect(report.findings).toEqual([]);
  });

  it('gets its cases past the rate limits and the guards, to validation and to the handlers', () => {
    expect(report.statuses[429]).toBeUndefined();
    expect(report.statuses[422]).toBeGreaterThan(0);
    expect(report.statuses[200]).toBeGreaterThan(0);
  });
});
