import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import { provisionAndLogIn, type SignedIn } from './provisioned-accounts';

interface AuditPage {
  items: {
    id: string;
    type: string;
    userId: string | null;
    ip: string | null;
    createdAt: string;
  }[];
  nextCursor: string | null;
}

describe('the audit log', () => {
  let service: AuthServiceUnderTest;
  let admin: SignedIn;
  let ada: SignedIn;
  let grace: SignedIn;

  beforeAll(async () => {
    service = await startAuthService('audit');
    admin = await provisionAndLogIn(service, 'root', { admin: true });
    ada = await provisionAndLogIn(service, 'ada');
    grace = await provisionAndLogIn(service, 'grace');
    for (const name of ['first', 'second', 'third']) {
      await service.http
        .post('/api/auth/v1/api-keys')
        .set(ada.bearer)
        .send({ name, scopes: [] })
        .expect(201);
    }
  });

  afterAll(() => service.close());

  const read = async (path: string, who: SignedIn): Promise<AuditPage> =>
    (await service.http.get(path).set(who.bearer).expect(200)).body;

  it('shows users their own events, newest first, a page at a time', async () => {
    const first = await read('/api/auth/v1/audit?limit=2', ada);
    const rest = await read(`/api/auth/v1/audit?limit=100&cursor=${first.nextCursor}`, ada);

    const events = [...first.items, ...rest.items];
    expect(events.map((event) => event.type)).toEqual([
      'api_key.created',
      'api_key.created',
      'api_key.created',
      'login.succeeded',
      'user.registered',
    ]);
    expect(events.every((event) => event.userId === ada.userId)).toBe(true);
    expect(rest.nextCursor).toBeNull();
  });

  it('never shows a user someone else’s events', async () => {
    const { items } = await read('/api/auth/v1/audit?limit=100', grace);

    expect(items.length).toBeGreaterThan(0);
    expect(items.every((event) => event.userId === grace.userId)).toBe(true);
  });

  it('lets admins query everyone’s events by user and type', async () => {
    const { items } = await read(
      `/api/auth/v1/admin/audit?userId=${ada.userId}&type=api_key.created`,
      admin,
    );

    expect(items).toHaveLength(3);
    expect(
      items.every((event) => event.type === 'api_key.created' && event.userId === ada.userId),
    ).toBe(true);
  });

  it('lets admins query a time window, from inclusive to exclusive', async () => {
    const all = await read('/api/auth/v1/admin/audit?limit=100', admin);
    const oldest = all.items[all.items.length - 1];
    const newest = all.items[0];

    const window = await read(
      `/api/auth/v1/admin/audit?limit=100&from=${oldest.createdAt}&to=${newest.createdAt}`,
      admin,
    );

    const ids = window.items.map((event) => event.id);
    expect(ids).toContain(oldest.id);
    expect(ids).not.toContain(newest.id);
  });

  it('answers bad filters with validation_failed naming the field', async () => {
    for (const [query, field] of [
      ['from=last-week', 'from'],
      ['type=user.hacked', 'type'],
      ['userId=ada', 'userId'],
      ['limit=0', 'limit'],
    ]) {
      const { body } = await service.http
        .get(`/api/auth/v1/admin/audit?${query}`)
        .set(admin.bearer)
        .expect(422);
      expect(body.code).toBe('validation_failed');
      expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  it('requires a signed-in user to read the audit log', async () => {
    await service.http.get('/api/auth/v1/audit').expect(401);
  });
});
