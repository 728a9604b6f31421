import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createCatalogApp } from './support/catalog-app';
import { logLines } from './support/log-lines';

describe('error format', () => {
  const logs = logLines();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    process.env.BODY_LIMIT = '1kb';
    app = await createCatalogApp(logs);
  });

  afterAll(async () => {
    delete process.env.BODY_LIMIT;
    await app.close();
  });

  it('answers invalid input with problem details naming every field at fault', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/products')
      .send({ name: '', priceCents: 0 })
      .expect(422)
      .expect('Content-Type', /^application\/problem\+json/);

    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'One or more fields are invalid',
      instance: '/v1/products',
      code: 'validation_failed',
      requestId: response.headers['x-request-id'],
      errors: [
        { field: 'name', message: 'name should not be empty', code: 'is_not_empty' },
        { field: 'priceCents', message: 'priceCents must not be less than 1', code: 'min' },
      ],
    });
  });

  it('rejects a field the DTO does not declare', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/products')
      .send({ name: 'Desk lamp', priceCents: 2500, discountPercent: 90 })
      .expect(422);

    expect(response.body.errors).toEqual([
      {
        field: 'discountPercent',
        message: 'property discountPercent should not exist',
        code: 'unknown_field',
      },
    ]);
  });

  it('hands the handler a DTO instance built from valid input', async () => {
    await request(app.getHttpServer())
      .post('/v1/products')
      .send({ name: 'Desk lamp', priceCents: 2500 })
      .expect(201, { id: 'p-1', name: 'Desk lamp', priceCents: 2500, isDto: true });
  });

  it('refuses text no database column can store, a NUL byte or an unpaired surrogate, wherever it is sent', async () => {
    const { body } = await request(app.getHttpServer())
      .post('/v1/products')
      .send({ name: 'Desk\u0000lamp', priceCents: 2500 })
      .expect(422);
    expect(body.errors).toEqual([
      {
        field: 'name',
        message: 'name must not contain NUL characters or unpaired surrogates',
        code: 'unstorable_text',
      },
    ]);

    await request(app.getHttpServer())
      .post('/v1/products')
      .send({ name: 'Desk lamp \uD800', priceCents: 2500 })
      .expect(422);
    const { body: byPath } = await request(app.getHttpServer())
      .get('/v1/products/lamp%00')
      .expect(422);
    expect(byPath.errors).toEqual([
      {
        field: 'id',
        message: 'id must not contain NUL characters or unpaired surrogates',
        code: 'unstorable_text',
      },
    ]);
  });

  it('answers malformed JSON with 400 malformed_json, not a server error', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/products')
      .set('Content-Type', 'application/json')
      .send('{"name": "Desk lamp",')
      .expect(400);

    expect(response.body).toMatchObject({
      status: 400,
      code: 'malformed_json',
      detail: 'The request body is not valid JSON',
    });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers a body over BODY_LIMIT with 413 payload_too_large', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/products')
      .send({ name: 'x'.repeat(2048), priceCents: 1 })
      .expect(413);

    expect(response.body).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      title: 'Payload Too Large',
    });
  });

  it('answers a NotFoundError thrown by business code with a 404 problem', async () => {
    const response = await request(app.getHttpServer()).get('/v1/products/p-404').expect(404);

    expect(response.body).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'Product p-404 does not exist',
      instance: '/v1/products/p-404',
    });
  });

  it('answers a RateLimitedError with 429 and a Retry-After of the whole seconds left, rounded up', async () => {
    const response = await request(app.getHttpServer()).get('/v1/products/busy').expect(429);

    expect(response.headers['retry-after']).toBe('2');
    expect(response.body).toMatchObject({ status: 429, code: 'rate_limited' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await request(app.getHttpServer()).get('/v2/products').expect(404);

    expect(response.body).toMatchObject({ code: 'not_found', instance: '/v2/products' });
  });

  it('answers an unexpected exception with a generic 500 and logs the cause, with its stack, on the request’s line', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/products/crash')
      .set('X-Request-Id', 'crash-1')
      .expect(500);

    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server failed to handle this request. Quote the request id if you report it.',
      instance: '/v1/products/crash',
      code: 'internal_error',
      requestId: 'crash-1',
    });
    expect(response.text).not.toMatch(/hunter2|db-primary|at .*\.ts/);
    const logged = await logs.waitFor((line) => line.requestId === 'crash-1');
    expect(logged).toMatchObject({
      level: 'error',
      status: 500,
      msg: expect.stringMatching(/^GET \/v1\/products\/crash 500 [\d.]+ms$/),
      err: { message: expect.stringContaining('db-primary.internal') },
    });
    expect((logged.err as { stack: string }).stack).toContain('ProductsController.crash');
    // One line for the request: the fault rides on its access line, not on a second one.
    expect(logs.lines.filter((line) => line.requestId === 'crash-1')).toHaveLength(1);
  });

  it('lets an API with another contract answer in its own shape, here RealWorld’s 422', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/articles')
      .send({ title: '', tagList: ['x'] })
      .expect(422)
      .expect('Content-Type', /^application\/json/);

    expect(response.body).toEqual({
      errors: {
        title: ['title should not be empty'],
        body: ['body should not be empty', 'body must be a string'],
        tagList: ['property tagList should not exist'],
      },
    });
  });

  it('uses the API’s own mapper for every failure under its prefix, malformed bodies included', async () => {
    const missing = await request(app.getHttpServer())
      .get('/api/articles/no-such-slug')
      .expect(404);
    const malformed = await request(app.getHttpServer())
      .post('/api/articles')
      .set('Content-Type', 'application/json')
      .send('{')
      .expect(400);

    expect(missing.body).toEqual({
      errors: { not_found: ['Article no-such-slug does not exist'] },
    });
    expect(malformed.body).toEqual({
      errors: { malformed_json: ['The request body is not valid JSON'] },
    });
  });
});
