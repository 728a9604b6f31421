// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

/** The sum of a metric's samples whose label text has every one of `labels`, from /metrics. */
function sampled(metrics: string, name: string, labels: string[]): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && labels.every((label) => line.includes(label)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * `GET /s/:code` is a plain Fastify route, outside Nest's pipeline: these hold it to everything
 * the platform gives a Nest route, and to answering a popular link from memory.
 */
describe('the redirect route', () => {
  let stack: ShortenerStack;
  let token: string;

  beforeAll(async () => {
    stack = await startShortenerStack('redirect-route');
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(() => stack.close());

  const api = () => stack.shortener.http;
  const create = (body: object) =>
    api()
      .post('/api/shortener/v1/links')
      .set('Authorization', `Bearer ${token}`)
      .send(body)
      .expect(201);
  const metrics = async () => (await api().get('/metrics').expect(200)).text;

  it("carries the platform's request ids and security headers, as every route does", async () => {
    const { body } = await create({ targetUrl: 'https://example.com/headers' });

    const visit = await api()
      .get(`/s/${body.code}`)
      .set('X-Request-Id', 'visit-1')
      .set('X-Correlation-Id', 'journey-7')
      .expect(302);

    expect(visit.headers).toMatchObject({
      location: 'https://example.com/headers',
      'x-request-id': 'visit-1',
      'x-correlation-id': 'journey-7',
      'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'strict-transport-security': expect.stringContaining('max-age='),
    });
  });

  it("answers an unknown code and a malformed one in the platform's problem format", async () => {
    const unknown = await api().get('/s/neverissued9').set('X-Request-Id', 'unknown-1').expect(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ code: 'link_not_found', requestId: 'unknown-1' });

    const malformed = await api().get('/s/not%20a%20code').expect(422);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'code', code: 'matches' }],
    });
  });

  it('is timed on its route template and answers a link visited a moment ago from memory', async () => {
    const { body } = await create({ targetUrl: 'https://example.com/hot' });
    const before = await metrics();

    for (let visit = 0; visit < 3; visit += 1) await api().get(`/s/${body.code}`).expect(302);

    const after = await metrics();
    const redirects = ['route="/s/:code"', 'status="302"'];
    expect(
      sampled(after, 'http_request_duration_seconds_count', redirects) -
        sampled(before, 'http_request_duration_seconds_count', redirects),
    ).toBe(3);
    // The first visit loads the link; those after it, within its second, find it in memory.
    const hits = ['result="hit"'];
    expect(
      sampled(after, 'shortener_link_memory_lookups_total', hits) -
        sampled(before, 'shortener_link_memory_lookups_total', hits),
    ).toBeGreaterThanOrEqual(1);
  });

  it('forgets a remembered link at once when it changes on this instance', async () => {
    const { body } = await create({ targetUrl: 'https://example.com/first' });
    await api().get(`/s/${body.code}`).expect(302);
    await api().get(`/s/${body.code}`).expect(302);

    await api()
      .patch(`/api/shortener/v1/links/${body.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ targetUrl: 'https://example.com/second', redirectType: 308 })
      .expect(200);

    const visit = await api().get(`/s/${body.code}`).expect(308);
    expect(visit.headers.location).toBe('https://example.com/second');
    expect(visit.headers['cache-control']).toBe('public, max-age=86400');
  });
});
