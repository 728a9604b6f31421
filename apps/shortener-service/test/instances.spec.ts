import { eventually, startTestGateway, type TestGateway } from '@capstone/platform/testing';
import type request from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { provisionAndLogIn } from '../../auth-service/test/provisioned-accounts';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

// The promise: a change made on one instance reaches every other within this long.
const PROPAGATION_MS = 1_000;

/**
 * Two instances on one database, Redis and topics, as two pods are, each behind its own dev gateway:
 * a round-robin in front of both could not say which instance answered, and these tests must.
 */
describe('two shortener-service instances behind the gateway', () => {
  let stack: ShortenerStack;
  let gatewayToB: TestGateway | undefined;
  let token: string;
  let viaA: ReturnType<typeof request>;
  let viaB: ReturnType<typeof request>;

  beforeAll(async () => {
    stack = await startShortenerStack('instances');
    const instanceB = await stack.startAnotherInstance();
    gatewayToB = await startTestGateway({ 'shortener-service': instanceB.port });
    viaA = stack.gateway;
    viaB = gatewayToB.http;
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(async () => {
    await gatewayToB?.close();
    await stack?.close();
  });

  const links = '/api/shortener/v1/links';
  const create = (body: object) =>
    viaA.post(links).set('Authorization', `Bearer ${token}`).send(body).expect(201);
  const change = (id: string, body: object) =>
    viaA.patch(`${links}/${id}`).set('Authorization', `Bearer ${token}`).send(body).expect(200);

  /** What a visitor of the code sees: the status and the headers a browser acts on. */
  async function answerTo(via: ReturnType<typeof request>, path: string) {
    const { status, headers } = await via.get(path);
    return {
      status,
      location: headers.location,
      cacheControl: headers['cache-control'],
      contentType: headers['content-type'],
    };
  }

  /** Resolves once the instance behind `via` answers `path` as expected, failing after PROPAGATION_MS. */
  function answersWithinPropagation(
    via: ReturnType<typeof request>,
    path: string,
    expected: { status: number; location?: string },
  ) {
    return eventually(async () => expect(await answerTo(via, path)).toMatchObject(expected), {
      timeoutMs: PROPAGATION_MS,
      intervalMs: 20,
    });
  }

  it('gives the same answer on both instances for every kind of code', async () => {
    const plain = await create({ targetUrl: 'https://example.com/plain' });
    const permanent = await create({
      targetUrl: 'https://example.com/search?lang=en',
      slug: `permanent-${Date.now()}`,
      redirectType: 301,
      forwardQuery: true,
    });
    const disabled = await create({ targetUrl: 'https://example.com/off', enabled: false });
    const protectedLink = await create({ targetUrl: 'https://example.com/p', password: 'sesame' });
    const paths = [
      `/s/${plain.body.code}`,
      `/s/${permanent.body.code}?q=capstone`,
      `/s/${disabled.body.code}`,
      `/s/${protectedLink.body.code}`,
      '/s/neverissued1',
    ];

    for (const path of paths) {
      expect(await answerTo(viaB, path)).toEqual(await answerTo(viaA, path));
    }
    expect((await answerTo(viaB, paths[1])).location).toBe(
      'https://example.com/search?lang=en&q=capstone',
    );
  });

  it("counts a capped link's visits once across both instances", async () => {
    const { body } = await create({ targetUrl: 'https://example.com/capped', maxVisits: 2 });
    const path = `/s/${body.code}`;

    await viaA.get(path).expect(302);
    await viaB.get(path).expect(302);
    expect((await viaA.get(path).expect(410)).body.code).toBe('link_exhausted');
    expect((await viaB.get(path).expect(410)).body.code).toBe('link_exhausted');
  });

  it('redirects on instance B within a second to the target changed through instance A', async () => {
    const { body } = await create({ targetUrl: 'https://example.com/before' });
    const path = `/s/${body.code}`;
    // B answers first, so whatever B remembers holds the old target.
    expect((await viaB.get(path).expect(302)).headers.location).toBe('https://example.com/before');

    await change(body.id, { targetUrl: 'https://example.com/after', redirectType: 307 });

    await answersWithinPropagation(viaB, path, {
      status: 307,
      location: 'https://example.com/after',
    });
  });

  it('stops redirecting on instance B within a second of a disable through instance A, and resumes on enable', async () => {
    const { body } = await create({ targetUrl: 'https://example.com/toggled' });
    const path = `/s/${body.code}`;
    await viaB.get(path).expect(302);

    await change(body.id, { enabled: false });
    await answersWithinPropagation(viaB, path, { status: 404 });

    await change(body.id, { enabled: true });
    await answersWithinPropagation(viaB, path, {
      status: 302,
      location: 'https://example.com/toggled',
    });
  });

  it('stops redirecting on instance B within a second of a delete through instance A', async () => {
    const { body } = await create({ targetUrl: 'https://example.com/deleted' });
    const path = `/s/${body.code}`;
    await viaB.get(path).expect(302);

    await viaA.delete(`${links}/${body.id}`).set('Authorization', `Bearer ${token}`).expect(204);

    await answersWithinPropagation(viaB, path, { status: 404 });
  });

  it("stops redirecting on instance B within a second of an administrator's block through instance A", async () => {
    const { body } = await create({ targetUrl: 'https://example.com/spam' });
    const path = `/s/${body.code}`;
    await viaB.get(path).expect(302);
    const admin = await provisionAndLogIn(stack.auth, `admin_${Date.now()}`, { admin: true });

    await viaA
      .post(`${links}/${body.id}/block`)
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ blocked: true })
      .expect(200);

    await answersWithinPropagation(viaB, path, { status: 404 });
  });

  it('redirects on instance B within a second from a slug created through instance A after B found it unknown', async () => {
    const slug = `late-${Date.now()}`;
    // B now remembers the code as unknown.
    await viaB.get(`/s/${slug}`).expect(404);

    await create({ targetUrl: 'https://example.com/late', slug });

    await answersWithinPropagation(viaB, `/s/${slug}`, {
      status: 302,
      location: 'https://example.com/late',
    });
  });
});
