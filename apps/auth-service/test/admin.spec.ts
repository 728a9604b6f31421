import { awaitKafkaEvent } from '@capstone/platform/testing';
import type { Test } from 'supertest';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import {
  logInProvisioned,
  provisionAndLogIn,
  TEST_PASSWORD,
  type SignedIn,
} from './provisioned-accounts';

const USERS = '/api/auth/v1/admin/users';

describe('the admin API', () => {
  let service: AuthServiceUnderTest;
  let admin: SignedIn;
  let ada: SignedIn;

  beforeAll(async () => {
    service = await startAuthService('admin');
    admin = await provisionAndLogIn(service, 'root', { admin: true });
    ada = await provisionAndLogIn(service, 'ada');
  });

  afterAll(() => service.close());

  const authUsersEvent = (type: string, subject: string) =>
    awaitKafkaEvent(
      service.topic('auth.users'),
      (event) => event.type === type && event.subject === subject,
    );

  async function auditOf(userId: string, type: string) {
    const { body } = await service.http
      .get(`/api/auth/v1/admin/audit?userId=${userId}&type=${type}`)
      .set(admin.bearer)
      .expect(200);
    return body.items as { actorId: string | null; details: Record<string, unknown> }[];
  }

  it('refuses every admin endpoint to a signed-in non-admin with 403 forbidden', async () => {
    const calls = [
      service.http.get(USERS),
      service.http.get(`${USERS}/${admin.userId}`),
      service.http.put(`${USERS}/${admin.userId}/roles`).send({ roles: ['user'] }),
      service.http.post(`${USERS}/${admin.userId}/disable`),
      service.http.post(`${USERS}/${admin.userId}/enable`),
      service.http.delete(`${USERS}/${admin.userId}`),
      service.http.get('/api/auth/v1/admin/audit'),
    ];
    for (const call of calls) {
      const { body } = await call.set(ada.bearer).expect(403);
      expect(body.code).toBe('forbidden');
    }
  });

  it('refuses anonymous callers with 401', async () => {
    await service.http.get(USERS).expect(401);
  });

  it('searches users by email or username prefix, case-insensitively, a page at a time', async () => {
    for (const name of ['searchable-1', 'searchable-2', 'searchable-3'])
      await provisionAndLogIn(service, name);

    const first = await service.http
      .get(`${USERS}?q=SEARCHABLE&limit=2`)
      .set(admin.bearer)
      .expect(200);
    const second = await service.http
      .get(`${USERS}?q=searchable&limit=2&cursor=${first.body.nextCursor}`)
      .set(admin.bearer)
      .expect(200);

    const usernames = (page: { items: { username: string }[] }) =>
      page.items.map((user) => user.username);
    expect(usernames(first.body)).toEqual(['searchable-1', 'searchable-2']);
    expect(usernames(second.body)).toEqual(['searchable-3']);
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.items[0]).toEqual({
      id: expect.any(String),
      email: 'searchable-1@example.com',
      username: 'searchable-1',
      roles: ['user'],
      emailVerified: true,
      disabledAt: null,
      createdAt: expect.any(String),
    });
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const { body } = await service.http.get(`${USERS}?q=%25`).set(admin.bearer).expect(200);
    expect(body.items).toEqual([]);
  });

  it('filters users by role', async () => {
    const { body } = await service.http.get(`${USERS}?role=admin`).set(admin.bearer).expect(200);
    const ids = body.items.map((user: { id: string }) => user.id);
    expect(ids).toContain(admin.userId);
    expect(ids).not.toContain(ada.userId);
  });

  it('promotes a user, announcing user.role_changed and auditing who did it', async () => {
    const grace = await provisionAndLogIn(service, 'grace');

    const { body } = await service.http
      .put(`${USERS}/${grace.userId}/roles`)
      .set(admin.bearer)
      .send({ roles: ['admin', 'user'] })
      .expect(200);

    expect(body.roles).toEqual(['user', 'admin']);
    const event = await authUsersEvent('auth.user.role_changed', grace.userId);
    expect(event.data).toEqual({ userId: grace.userId, roles: ['user', 'admin'] });
    expect(await auditOf(grace.userId, 'user.role_changed')).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        details: { from: ['user'], to: ['user', 'admin'] },
      }),
    ]);
  });

  it('refuses to demote the last active admin', async () => {
    const { body: admins } = await service.http
      .get(`${USERS}?role=admin`)
      .set(admin.bearer)
      .expect(200);
    for (const other of admins.items.filter((user: { id: string }) => user.id !== admin.userId)) {
      await service.http
        .put(`${USERS}/${other.id}/roles`)
        .set(admin.bearer)
        .send({ roles: ['user'] })
        .expect(200);
    }

    const { body } = await service.http
      .put(`${USERS}/${admin.userId}/roles`)
      .set(admin.bearer)
      .send({ roles: ['user'] })
      .expect(409);

    expect(body.code).toBe('last_admin');
  });

  it('stops a demoted admin’s still-valid token at the admin API', async () => {
    const deputy = await provisionAndLogIn(service, 'deputy', { admin: true });
    await service.http
      .put(`${USERS}/${deputy.userId}/roles`)
      .set(admin.bearer)
      .send({ roles: ['user'] })
      .expect(200);

    const { body } = await service.http.get(USERS).set(deputy.bearer).expect(403);

    expect(body.code).toBe('forbidden');
  });

  it('disables a user: their sessions end, they cannot log in, and user.disabled is announced', async () => {
    const victim = await provisionAndLogIn(service, 'disabled-soon');

    const { body } = await service.http
      .post(`${USERS}/${victim.userId}/disable`)
      .set(admin.bearer)
      .expect(200);

    expect(body.disabledAt).not.toBeNull();
    const refresh = await service.http
      .post('/api/auth/v1/sessions/refresh')
      .send({ refreshToken: victim.refreshToken })
      .expect(401);
    expect(refresh.body.code).toBe('session_ended');
    const login = await service.http
      .post('/api/auth/v1/sessions')
      .send({ email: victim.email, password: TEST_PASSWORD })
      .expect(403);
    expect(login.body.code).toBe('account_disabled');
    await authUsersEvent('auth.user.disabled', victim.userId);
    expect(await auditOf(victim.userId, 'session.revoked')).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        details: expect.objectContaining({ reason: 'account_disabled' }),
      }),
    ]);
  });

  it('enables a disabled user again, who can then log in', async () => {
    const returning = await provisionAndLogIn(service, 'returning');
    await service.http.post(`${USERS}/${returning.userId}/disable`).set(admin.bearer).expect(200);

    const { body } = await service.http
      .post(`${USERS}/${returning.userId}/enable`)
      .set(admin.bearer)
      .expect(200);

    expect(body.disabledAt).toBeNull();
    await logInProvisioned(service, returning.email);
    expect(await auditOf(returning.userId, 'user.enabled')).toHaveLength(1);
  });

  it('deletes a user, announcing user.deleted and keeping the audit trail', async () => {
    const leaving = await provisionAndLogIn(service, 'leaving');

    await service.http.delete(`${USERS}/${leaving.userId}`).set(admin.bearer).expect(204);

    const { body } = await service.http
      .get(`${USERS}/${leaving.userId}`)
      .set(admin.bearer)
      .expect(404);
    expect(body.code).toBe('user_not_found');
    await authUsersEvent('auth.user.deleted', leaving.userId);
    expect(await auditOf(leaving.userId, 'user.deleted')).toEqual([
      expect.objectContaining({ actorId: admin.userId }),
    ]);
  });

  it('answers bad input with stable codes', async () => {
    const cases: [Test, number, string, string?][] = [
      [
        service.http
          .put(`${USERS}/${ada.userId}/roles`)
          .set(admin.bearer)
          .send({ roles: ['root'] }),
        422,
        'validation_failed',
        'roles',
      ],
      [
        service.http
          .put(`${USERS}/${ada.userId}/roles`)
          .set(admin.bearer)
          .send({ roles: ['admin'] }),
        422,
        'validation_failed',
        'roles',
      ],
      [
        service.http.put(`${USERS}/${ada.userId}/roles`).set(admin.bearer).send({ roles: [] }),
        422,
        'validation_failed',
        'roles',
      ],
      [
        service.http.get(`${USERS}?limit=1000`).set(admin.bearer),
        422,
        'validation_failed',
        'limit',
      ],
      [
        service.http.get(`${USERS}?cursor=yesterday`).set(admin.bearer),
        422,
        'validation_failed',
        'cursor',
      ],
      [
        service.http.get(`${USERS}?role=superuser`).set(admin.bearer),
        422,
        'validation_failed',
        'role',
      ],
      [service.http.post(`${USERS}/not-a-uuid/disable`).set(admin.bearer), 400, 'bad_request'],
      [
        service.http
          .post(`${USERS}/00000000-0000-7000-8000-000000000000/disable`)
          .set(admin.bearer),
        404,
        'user_not_found',
      ],
    ];
    for (const [call, status, code, field] of cases) {
      const { body } = await call.expect(status);
      expect(body.code).toBe(code);
      if (field)
        expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });
});
