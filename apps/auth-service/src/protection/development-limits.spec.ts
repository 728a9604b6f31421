import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import { newAccount, newClientIp } from '../../test/accounts';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { rateLimitEnvironment } from '../config/rate-limit-environment';

const workspace = join(__dirname, '../../../..');
const isLimit = (variable: string) =>
  /^(RATE_LIMIT|LOGIN_LOCKOUT)_/.test(variable) && variable !== 'RATE_LIMIT_PREFIX';
// .env.example serves every service: other services' limits sit beside auth-service's.
const isAuthLimit = (variable: string) => isLimit(variable) && variable in rateLimitEnvironment();

/** The limits `npm start` gives auth-service: its documented defaults in `.env.example`. */
function developmentLimits(): Record<string, string> {
  const example = parseEnv(readFileSync(join(workspace, '.env.example'), 'utf8'));
  return Object.fromEntries(
    Object.entries(example).filter(
      (entry): entry is [string, string] => isAuthLimit(entry[0]) && entry[1] !== undefined,
    ),
  );
}

/** The limits Compose gives auth-service when `.env` sets none: each `${NAME:-default}`'s default. */
function composeLimits(): Record<string, string> {
  const compose = parse(readFileSync(join(workspace, 'docker-compose.yml'), 'utf8')) as {
    services: { 'auth-service': { environment: Record<string, string> } };
  };
  return Object.fromEntries(
    Object.entries(compose.services['auth-service'].environment)
      .filter(([variable]) => isLimit(variable))
      .map(([variable, value]) => [variable, /^\$\{\w+:-(.*)\}$/.exec(value)?.[1] ?? value]),
  );
}

describe('the development rate limits', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('development-limits', { environment: developmentLimits() });
  });

  afterAll(() => service.close());

  it('are set for every limit, the same under Compose as under npm start', () => {
    const everyLimit = Object.keys(rateLimitEnvironment()).filter(isLimit).sort();
    expect(Object.keys(developmentLimits()).sort()).toEqual(everyLimit);
    expect(composeLimits()).toEqual(developmentLimits());
  });

  it('let one address make 300 registrations in an hour, as conformance suites do', async () => {
    const ip = newClientIp();
    // Without a password the body fails validation after the limit has counted it: cheap to send.
    const attempt = () => {
      const { username, email } = newAccount();
      return service.http
        .post('/api/users')
        .set('X-Forwarded-For', ip)
        .send({ user: { username, email } });
    };
    const statuses: number[] = [];
    for (let batch = 0; batch < 12; batch += 1) {
      const responses = await Promise.all(Array.from({ length: 25 }, attempt));
      statuses.push(...responses.map(({ status }) => status));
    }
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses).toHaveLength(300);

    await service.http
      .post('/api/users')
      .set('X-Forwarded-For', ip)
      .send({ user: newAccount() })
      .expect(201);
  });
});
