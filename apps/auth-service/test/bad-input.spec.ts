import * as argon2 from 'argon2';
import { probeBadInput, type BadInputReport } from '@capstone/platform/testing';
import { PasswordHasher } from '../src/accounts/password-hasher';
import { rateLimitEnvironment } from '../src/config/rate-limit-environment';
import { registerAndLogIn } from './accounts';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import { logInProvisioned, provisionAccounts } from './provisioned-accounts';

// Thousands of requests from one address: every limit generous, so the cases reach validation.
const generousLimits = Object.fromEntries(
  Object.keys(rateLimitEnvironment())
    .filter((name) => name.startsWith('RATE_LIMIT_') && name !== 'RATE_LIMIT_PREFIX')
    .map((name) => [name, '1000000/1h'])
    .concat([['LOGIN_LOCKOUT_FAILURES', '1000000/1h']]),
);

/**
 * Hundreds of cases reach a password check; argon2id at its cheapest keeps the run short on a
 * small machine, and these cases are about input, not the strength of the hash.
 */
class QuickPasswordHasher extends PasswordHasher {
  override hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
  }

  override needsRehash(): boolean {
    return false;
  }
}

describe('auth-service given bad input', () => {
  let service: AuthServiceUnderTest;
  let report: BadInputReport;

  beforeAll(async () => {
    service = await startAuthService('bad-input', {
      environment: generousLimits,
      overrides: (builder) =>
        builder.overrideProvider(PasswordHasher).useClass(QuickPasswordHasher),
    });
    await provisionAccounts(service, [
      { email: 'root@example.com', username: 'root', admin: true },
    ]);
    report = await probeBadInput(service.app, {
      signIn: async () => ({
        user: (await registerAndLogIn(service)).accessToken,
        admin: (await logInProvisioned(service, 'root@example.com')).accessToken,
      }),
    });
  }, 180_000);

  afterAll(() => service.close());

  it('answers every operation in its OpenAPI document with a 4xx, never a 5xx or a hang', () => {
    expect(report.findings).toEqual([]);
  });

  it('gets its cases past the rate limits and the guards, to validation and to the handlers', () => {
    expect(report.statuses[429]).toBeUndefined();
    expect(report.statuses[422]).toBeGreaterThan(0);
    expect(report.statuses[200]).toBeGreaterThan(0);
  });
});
