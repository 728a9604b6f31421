import { eventually } from '@capstone/platform/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { provisionAndLogIn } from '../../auth-service/test/provisioned-accounts';
import { startShortenerStack, SHORT_LINK_BASE_URL, type ShortenerStack } from './shortener-stack';

describe('short links', () => {
  let stack: ShortenerStack;
  let token: string;

  beforeAll(async () => {
    stack = await startShortenerStack('links');
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(() => stack.close());

  const api = () => stack.shortener.http;
  const create = (body: object, as = token) =>
    api().post('/api/shortener/v1/links').set('Authorization', `Bearer ${as}`).send(body);

  it('shortens a URL with a random 8-character base62 code that redirects through the gateway', async () => {
    const { body } = await create({ targetUrl: 'https://example.com/page' }).expect(201);
    expect(body.code).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(body.shortUrl).toBe(`${SHORT_LINK_BASE_URL}/${body.code}`);
    const visit = await stack.gateway.get(`/s/${body.code}`).expect(302);
    expect(visit.headers.location).toBe('https://example.com/page');
    expect(visit.headers['cache-control']).toBe('private, no-cache');
  });

  it('takes a custom slug in lower case and refuses it a second time', async () => {
    const slug = `Sale-${Date.now()}`;
    const { body } = await create({ targetUrl: 'https://example.com', slug }).expect(201);
    expect(body.code).toBe(slug.toLowerCase());
    const taken = await create({
      targetUrl: 'https://example.com',
      slug: slug.toLowerCase(),
    }).expect(409);
    expect(taken.body.code).toBe('slug_taken');
    await api().get(`/s/${slug.toLowerCase()}`).expect(302);
  });

  it.each([
    ['a reserved word', { slug: 'admin' }, 'slug_reserved'],
    ['a malformed slug', { slug: 'no spaces' }, 'slug_invalid'],
    ['a javascript: target', { targetUrl: 'javascript:alert(1)' }, 'target_scheme'],
    ['a data: target', { targetUrl: 'data:text/html,hi' }, 'target_scheme'],
    ['a link to the shortener itself', { targetUrl: 'http://sho.rt/s/abc' }, 'target_loop'],
    [
      'an overlong target',
      { targetUrl: `https://example.com/${'a'.repeat(2100)}` },
      'target_too_long',
    ],
    ['an expiry in the past', { expiresAt: '2000-01-01T00:00:00Z' }, 'expiry_in_past'],
  ])('refuses %s with 422 and a stable code', async (_case, overrides, code) => {
    const { body } = await create({ targetUrl: 'https://example.com', ...overrides }).expect(422);
    expect(body.errors.map((error: { code: string }) => error.code)).toContain(code);
  });

  it('refuses hosts on the blocklist', async () => {
    const blocked = await startShortenerStack('links-blocklist', {
      environment: { BLOCKED_HOSTS: 'evil.example' },
    });
    try {
      const user = await registerAndLogIn(blocked.auth);
      const { body } = await blocked.shortener.http
        .post('/api/shortener/v1/links')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({ targetUrl: 'https://www.evil.example/x' })
        .expect(422);
      expect(body.errors[0].code).toBe('target_blocked');
    } finally {
      await blocked.close();
    }
  });

  it.each([301, 302, 307, 308])('answers a %i link with that status', async (redirectType) => {
    const { body } = await create({ targetUrl: 'https://example.com/t', redirectType }).expect(201);
    await api().get(`/s/${body.code}`).expect(redirectType);
  });

  it("forwards the visitor's query string when the link says so", async () => {
    const { body } = await create({
      targetUrl: 'https://example.com/?a=1',
      forwardQuery: true,
    }).expect(201);
    const visit = await api().get(`/s/${body.code}?utm_source=mail`).expect(302);
    expect(visit.headers.location).toBe('https://example.com/?a=1&utm_source=mail');
  });

  it('answers 404 for an unknown code, and stops redirecting a disabled, changed or deleted link at once', async () => {
    await api().get('/s/nosuchcode1').expect(404);
    const { body } = await create({ targetUrl: 'https://example.com/one' }).expect(201);
    const path = `/api/shortener/v1/links/${body.id}`;
    await api().get(`/s/${body.code}`).expect(302);
    await api()
      .patch(path)
      .set('Authorization', `Bearer ${token}`)
      .send({ targetUrl: 'https://example.com/two' })
      .expect(200);
    expect((await api().get(`/s/${body.code}`).expect(302)).headers.location).toBe(
      'https://example.com/two',
    );
    await api()
      .patch(path)
      .set('Authorization', `Bearer ${token}`)
      .send({ enabled: false })
      .expect(200);
    await api().get(`/s/${body.code}`).expect(404);
    await api().delete(path).set('Authorization', `Bearer ${token}`).expect(204);
    await api().get(path).set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('redirects a code created after a visitor tried it', async () => {
    const slug = `later-${Date.now()}`;
    await api().get(`/s/${slug}`).expect(404);
    await create({ targetUrl: 'https://example.com', slug }).expect(201);
    await api().get(`/s/${slug}`).expect(302);
  });

  it('answers 410 once a link has expired', async () => {
    const { body } = await create({
      targetUrl: 'https://example.com',
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    }).expect(201);
    expect((await api().get(`/s/${body.code}`).expect(302)).headers['cache-control']).toBe(
      'no-store',
    );
    // No clock to move: the redirect reads the real time, so wait for the expiry to pass.
    const gone = await eventually(() => api().get(`/s/${body.code}`).expect(410), {
      timeoutMs: 5_000,
    });
    expect(gone.body.code).toBe('link_expired');
  });

  it('asks for the password of a protected link on a form, and redirects once it is given', async () => {
    const { body } = await create({
      targetUrl: 'https://example.com/secret',
      password: 'open sesame',
    }).expect(201);
    expect(body.passwordProtected).toBe(true);
    const form = await api().get(`/s/${body.code}`).expect(200);
    expect(form.headers['content-type']).toMatch(/^text\/html/);
    expect(form.text).toContain('type="password"');
    await api().post(`/s/${body.code}`).type('form').send({ password: 'wrong one' }).expect(401);
    const unlocked = await api()
      .post(`/s/${body.code}`)
      .type('form')
      .send({ password: 'open sesame' })
      .expect(302);
    expect(unlocked.headers.location).toBe('https://example.com/secret');
  });

  it("lists a user's own links newest first, and hides other users' links", async () => {
    const owner = await registerAndLogIn(stack.auth);
    for (const n of [1, 2, 3])
      await create({ targetUrl: `https://example.com/${n}` }, owner.accessToken).expect(201);
    const first = await api()
      .get('/api/shortener/v1/links')
      .query({ limit: 2 })
      .set('Authorization', `Bearer ${owner.accessToken}`)
      .expect(200);
    expect(first.body.items.map((link: { targetUrl: string }) => link.targetUrl)).toEqual([
      'https://example.com/3',
      'https://example.com/2',
    ]);
    const second = await api()
      .get('/api/shortener/v1/links')
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set('Authorization', `Bearer ${owner.accessToken}`)
      .expect(200);
    expect(second.body).toMatchObject({
      items: [{ targetUrl: 'https://example.com/1' }],
      nextCursor: null,
    });
    await api()
      .get(`/api/shortener/v1/links/${first.body.items[0].id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
  });

  it('lets an administrator block any link, which its owner cannot undo', async () => {
    const { body } = await create({ targetUrl: 'https://example.com/spam' }).expect(201);
    const admin = (await provisionAndLogIn(stack.auth, `admin_${Date.now()}`, { admin: true }))
      .accessToken;
    await api()
      .post(`/api/shortener/v1/links/${body.id}/block`)
      .set('Authorization', `Bearer ${token}`)
      .send({ blocked: true })
      .expect(403);
    await api()
      .post(`/api/shortener/v1/links/${body.id}/block`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ blocked: true })
      .expect(200);
    await api().get(`/s/${body.code}`).expect(404);
    await api()
      .patch(`/api/shortener/v1/links/${body.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ enabled: true })
      .expect(200);
    await api().get(`/s/${body.code}`).expect(404);
  });
});
