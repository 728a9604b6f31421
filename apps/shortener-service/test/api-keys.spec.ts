// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts and keys are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

const LINKS = '/api/shortener/v1/links';

describe('links through personal API keys with scopes', () => {
  let stack: ShortenerStack;
  let token: string;
  let link: { id: string; ownerId: string };

  beforeAll(async () => {
    stack = await startShortenerStack('api-keys');
    token = (await registerAndLogIn(stack.auth)).accessToken;
    link = (
      await stack.shortener.http
        .post(LINKS)
        .set('Authorization', `Bearer ${token}`)
        .send({ targetUrl: 'https://example.com/owned' })
        .expect(201)
    ).body;
  });

  afterAll(() => stack.close());

  /** A key issued by auth-service, as its owner would make one. */
  async function apiKey(scopes: string[]): Promise<{ id: string; key: string }> {
    const { body } = await stack.auth.http
      .post('/api/auth/v1/api-keys')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: `shortener ${scopes.join(' ')}`, scopes })
      .expect(201);
    return body;
  }

  const create = (headers: Record<string, string>) =>
    stack.shortener.http.post(LINKS).set(headers).send({ targetUrl: 'https://example.com/by-key' });

  it('lets a links:read key read links, their QR codes and the export, but not create one', async () => {
    const { key } = await apiKey(['links:read']);
    const withKey = { 'X-Api-Key': key };

    await stack.shortener.http.get(LINKS).set(withKey).expect(200);
    await stack.shortener.http.get(`${LINKS}/${link.id}`).set(withKey).expect(200);
    await stack.shortener.http.get(`${LINKS}/${link.id}/qr`).set(withKey).expect(200);
    await stack.shortener.http.get(`${LINKS}/export.csv`).set(withKey).expect(200);
    const refused = await create(withKey).expect(403);
    expect(refused.body).toMatchObject({
      code: 'insufficient_scope',
      detail: 'this API key lacks the scopes: links:write',
    });
  });

  it("lets a links:write key create, change and delete links as its owner's, but not read them", async () => {
    const { key } = await apiKey(['links:write']);
    const withKey = { Authorization: `ApiKey ${key}` };

    const { body: created } = await create(withKey).expect(201);
    await stack.shortener.http
      .patch(`${LINKS}/${created.id}`)
      .set(withKey)
      .send({ title: 'Made by a key' })
      .expect(200);
    const { body: seen } = await stack.shortener.http
      .get(`${LINKS}/${created.id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(seen).toMatchObject({ ownerId: link.ownerId, title: 'Made by a key' });
    await stack.shortener.http.get(`${LINKS}/${created.id}`).set(withKey).expect(403);
    await stack.shortener.http
      .post(`${LINKS}/import`)
      .set(withKey)
      .attach('file', Buffer.from('targetUrl\nhttps://example.com/imported\n'), 'links.csv')
      .expect(200);
    await stack.shortener.http.delete(`${LINKS}/${created.id}`).set(withKey).expect(204);
  });

  it('refuses a revoked key with 401 api_key_invalid', async () => {
    const { id, key } = await apiKey(['links:read', 'links:write']);
    await stack.auth.http
      .delete(`/api/auth/v1/api-keys/${id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(204);

    const refused = await create({ 'X-Api-Key': key }).expect(401);
    expect(refused.body.code).toBe('api_key_invalid');
  });

  it('refuses a key that was never issued, and a key sent with a bearer token too', async () => {
    const { key } = await apiKey(['links:read']);

    expect((await create({ 'X-Api-Key': `${key}0` }).expect(401)).body.code).toBe(
      'api_key_invalid',
    );
    const both = await stack.shortener.http
      .get(LINKS)
      .set({ 'X-Api-Key': key, Authorization: `Bearer ${token}` })
      .expect(401);
    expect(both.body.code).toBe('token_invalid');
  });

  it("keeps an access token's full rights on every route", async () => {
    await create({ Authorization: `Bearer ${token}` }).expect(201);
    await stack.shortener.http.get(LINKS).set('Authorization', `Bearer ${token}`).expect(200);
  });
});
