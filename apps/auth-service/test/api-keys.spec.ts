import { API_KEY_VERIFICATION_PATH, apiKeyVerificationResponse } from '@capstone/platform/auth';
import { Client } from 'pg';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import { provisionAndLogIn, type SignedIn } from './provisioned-accounts';

const KEYS = '/api/auth/v1/api-keys';

describe('personal API keys', () => {
  let service: AuthServiceUnderTest;
  let ada: SignedIn;
  let grace: SignedIn;

  beforeAll(async () => {
    service = await startAuthService('api-keys');
    ada = await provisionAndLogIn(service, 'ada');
    grace = await provisionAndLogIn(service, 'grace');
  });

  afterAll(() => service.close());

  async function createKey(owner: SignedIn, body: object = {}) {
    const response = await service.http
      .post(KEYS)
      .set(owner.bearer)
      .send({ name: 'CI publisher', scopes: ['articles:write'], ...body })
      .expect(201);
    return response.body as { id: string; key: string; prefix: string };
  }

  const verify = (key: string) => service.http.post(API_KEY_VERIFICATION_PATH).send({ key });

  /** The api_key.used entries in Ada's audit log for this key. */
  async function recordedUses(id: string): Promise<unknown[]> {
    const { body } = await service.http
      .get('/api/auth/v1/audit?limit=100')
      .set(ada.bearer)
      .expect(200);
    return body.items.filter(
      (event: { type: string; details: { apiKeyId?: string } }) =>
        event.type === 'api_key.used' && event.details.apiKeyId === id,
    );
  }

  async function sql(statement: string, values: unknown[]): Promise<void> {
    const client = new Client({ connectionString: service.database.url });
    await client.connect();
    try {
      await client.query(statement, values);
    } finally {
      await client.end();
    }
  }

  it('shows a new key once, in the cap_<prefix>_<secret> format, with its terms', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { body } = await service.http
      .post(KEYS)
      .set(ada.bearer)
      .send({ name: 'Deploy bot', scopes: ['articles:write', 'articles:read'], expiresAt })
      .expect(201);

    expect(body.key).toMatch(/^cap_[0-9a-f]{16}_[0-9a-f]{64}$/);
    expect(body.key.startsWith(`cap_${body.prefix}_`)).toBe(true);
    expect(body).toMatchObject({
      name: 'Deploy bot',
      status: 'active',
      expiresAt,
      lastUsedAt: null,
    });

    const { body: listed } = await service.http.get(KEYS).set(ada.bearer).expect(200);
    const entry = listed.find((key: { id: string }) => key.id === body.id);
    expect(entry).toMatchObject({
      prefix: body.prefix,
      scopes: ['articles:write', 'articles:read'],
    });
    expect(JSON.stringify(listed)).not.toContain(body.key.split('_')[2]);
  });

  it('lists only the caller’s own keys', async () => {
    const graceKey = await createKey(grace, { name: 'grace only' });
    const { body } = await service.http.get(KEYS).set(ada.bearer).expect(200);
    expect(body.map((key: { id: string }) => key.id)).not.toContain(graceKey.id);
  });

  it('stores only a SHA-256 hash of the secret', async () => {
    const { key, id } = await createKey(ada);
    const client = new Client({ connectionString: service.database.url });
    await client.connect();
    const { rows } = await client.query('SELECT secret_hash FROM api_key WHERE id = $1', [id]);
    await client.end();
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].secret_hash).not.toContain(key.split('_')[2]);
  });

  it('verifies an active key for other services, as the platform auth contract describes', async () => {
    const { key } = await createKey(ada, { scopes: ['links:write'] });

    const { body } = await verify(key).expect(200);

    expect(apiKeyVerificationResponse.parse(body)).toEqual({
      userId: ada.userId,
      username: 'ada',
      roles: ['user'],
      emailVerified: true,
      scopes: ['links:write'],
    });
  });

  it('records key use in lastUsedAt and the audit log at most once a minute', async () => {
    const { key, id } = await createKey(ada, { name: 'busy integration' });

    await verify(key).expect(200);
    await verify(key).expect(200);

    const { body: keys } = await service.http.get(KEYS).set(ada.bearer).expect(200);
    expect(keys.find((entry: { id: string }) => entry.id === id).lastUsedAt).not.toBeNull();
    expect(await recordedUses(id)).toHaveLength(1);
  });

  it('records key use again once a minute has passed', async () => {
    const { key, id } = await createKey(ada, { name: 'hourly job' });
    await verify(key).expect(200);

    service.clock.advance(61);
    try {
      await verify(key).expect(200);
    } finally {
      service.clock.reset();
    }

    expect(await recordedUses(id)).toHaveLength(2);
  });

  it('rejects a revoked key, and revoking again changes nothing', async () => {
    const { key, id } = await createKey(ada);
    await verify(key).expect(200);

    await service.http.delete(`${KEYS}/${id}`).set(ada.bearer).expect(204);
    await service.http.delete(`${KEYS}/${id}`).set(ada.bearer).expect(204);

    const { body } = await verify(key).expect(401);
    expect(body.code).toBe('api_key_invalid');
    const { body: keys } = await service.http.get(KEYS).set(ada.bearer).expect(200);
    expect(keys.find((entry: { id: string }) => entry.id === id).status).toBe('revoked');
  });

  it('rejects an expired key', async () => {
    const { key, id } = await createKey(ada, {
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await sql(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);

    expect((await verify(key).expect(401)).body.code).toBe('api_key_invalid');
  });

  it('rejects a key whose secret does not match its prefix', async () => {
    const { key } = await createKey(ada);
    const forged = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;

    expect((await verify(forged).expect(401)).body.code).toBe('api_key_invalid');
  });

  it('rejects malformed and unknown keys alike', async () => {
    expect((await verify('not-a-key').expect(401)).body.code).toBe('api_key_invalid');
    expect((await verify(`cap_${'0'.repeat(16)}_${'0'.repeat(64)}`).expect(401)).body.code).toBe(
      'api_key_invalid',
    );
  });

  it('answers a verification request without a key with validation_failed', async () => {
    const { body } = await service.http.post(API_KEY_VERIFICATION_PATH).send({}).expect(422);
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual(
      expect.objectContaining({ field: 'key', code: 'is_string' }),
    );
  });

  it('does not let another user revoke a key, answering as if it did not exist', async () => {
    const { key, id } = await createKey(ada);

    const { body } = await service.http.delete(`${KEYS}/${id}`).set(grace.bearer).expect(404);

    expect(body.code).toBe('api_key_not_found');
    await verify(key).expect(200);
  });

  it('rejects bad terms with stable codes', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const tooFar = new Date(Date.now() + 400 * 86_400_000).toISOString();
    const cases: [object, string, string][] = [
      [{ name: '', scopes: [] }, 'name', 'min_length'],
      [{ name: 'x', scopes: ['Write Everything'] }, 'scopes', 'matches'],
      [{ name: 'x', scopes: [], expiresAt: 'next tuesday' }, 'expiresAt', 'is_date'],
      [{ name: 'x', scopes: [], expiresAt: past }, 'expiresAt', 'expiry_in_past'],
      [{ name: 'x', scopes: [], expiresAt: tooFar }, 'expiresAt', 'expiry_too_far'],
      [{ name: 'x', scopes: [], admin: true }, 'admin', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const response = await service.http.post(KEYS).set(ada.bearer).send(body).expect(422);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    }
  });

  it('rejects a revocation of something that is not a key id', async () => {
    const { body } = await service.http.delete(`${KEYS}/not-a-uuid`).set(ada.bearer).expect(400);
    expect(body.code).toBe('bad_request');
  });

  it('requires a signed-in user to manage keys', async () => {
    await service.http.get(KEYS).expect(401);
    await service.http.post(KEYS).send({ name: 'x', scopes: [] }).expect(401);
  });

  it('does not accept an API key as a credential for managing API keys', async () => {
    const { key } = await createKey(ada);
    await service.http
      .post(KEYS)
      .set('Authorization', `ApiKey ${key}`)
      .send({ name: 'x', scopes: [] })
      .expect(401);
  });

  it('caps the number of active keys per user', async () => {
    const user = await provisionAndLogIn(service, 'collector');
    for (let index = 0; index < 20; index += 1) await createKey(user);

    const { body } = await service.http
      .post(KEYS)
      .set(user.bearer)
      .send({ name: 'one too many', scopes: [] })
      .expect(409);

    expect(body.code).toBe('api_key_limit_reached');
  });

  it('stops verifying the keys of a disabled account', async () => {
    const user = await provisionAndLogIn(service, 'soon-disabled');
    const { key } = await createKey(user);
    await sql('UPDATE "user" SET disabled_at = now() WHERE id = $1', [user.userId]);

    expect((await verify(key).expect(401)).body.code).toBe('api_key_invalid');
  });
});
