import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { awaitKafkaEvent } from '@capstone/platform/testing';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import { logInProvisioned, provisionAccounts, TEST_PASSWORD } from './provisioned-accounts';

const run = promisify(execFile);

describe('provisioning accounts from the command line', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('provisioning');
  });

  afterAll(() => service.close());

  const npm = (script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) =>
    run('npm', ['run', '--silent', script, '--', ...args], {
      env: { ...process.env, DATABASE_URL: service.database.url, ...env },
    });

  it('seeds an admin and two demo users once, however often it runs', async () => {
    const seed = { SEED_ADMIN_PASSWORD: TEST_PASSWORD, SEED_DEMO_PASSWORD: TEST_PASSWORD };
    const first = await npm('auth:seed', [], seed);
    const second = await npm('auth:seed', [], seed);

    expect(first.stdout).toContain('admin@capstone.local: created');
    expect(second.stdout).toContain('admin@capstone.local: unchanged');
    const admin = await logInProvisioned(service, 'admin@capstone.local');
    const { body } = await service.http
      .get('/api/auth/v1/admin/users')
      .set(admin.bearer)
      .expect(200);
    expect(
      body.items.map((user: { username: string; roles: string[] }) => [user.username, user.roles]),
    ).toEqual([
      ['admin', ['user', 'admin']],
      ['ada', ['user']],
      ['grace', ['user']],
    ]);
    const registered = await awaitKafkaEvent(
      service.topic('auth.users'),
      (event) => event.type === 'auth.user.registered' && event.subject === admin.userId,
    );
    expect(registered.data).toMatchObject({
      username: 'admin',
      roles: ['user', 'admin'],
      emailVerified: true,
    });
  });

  it('promotes an existing account to admin with auth:create-admin, announcing the new roles', async () => {
    await provisionAccounts(service, [{ email: 'ops@example.com', username: 'ops', admin: false }]);
    const ops = await logInProvisioned(service, 'ops@example.com');

    const { stdout } = await npm(
      'auth:create-admin',
      ['--email', 'ops@example.com', '--username', 'ops'],
      {
        AUTH_ADMIN_PASSWORD: TEST_PASSWORD,
      },
    );

    expect(stdout).toContain('ops@example.com: promoted');
    const changed = await awaitKafkaEvent(
      service.topic('auth.users'),
      (event) => event.type === 'auth.user.role_changed' && event.subject === ops.userId,
    );
    expect(changed.data).toEqual({ userId: ops.userId, roles: ['user', 'admin'] });
  });

  it('refuses to create an admin whose password the policy rejects', async () => {
    const attempt = npm(
      'auth:create-admin',
      ['--email', 'weak@example.com', '--username', 'weak'],
      {
        AUTH_ADMIN_PASSWORD: 'password',
      },
    );

    await expect(attempt).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('password: '),
    });
  });
});
