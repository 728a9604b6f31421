import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createCatalogApp } from './support/catalog-app';
import { logLines } from './support/log-lines';

describe('configureApplication', () => {
  let app: NestFastifyApplication;
  const logs = logLines();

  beforeAll(async () => {
    process.env.CORS_ORIGINS = 'https://shop.example.com';
    app = await createCatalogApp(logs);
  });

  afterAll(async () => {
    delete process.env.CORS_ORIGINS;
    await app.close();
  });

  it('sends the security headers on every response, errors included', async () => {
    const ok = await request(app.getHttpServer()).get('/health/live').expect(200);
    const notFound = await request(app.getHttpServer()).get('/nowhere').expect(404);

    for (const response of [ok, notFound]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'strict-transport-security': expect.stringContaining('max-age='),
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('allows the configured CORS origins, exposes the id headers, and ignores other origins', async () => {
    const allowed = await request(app.getHttpServer())
      .options('/v1/products')
      .set('Origin', 'https://shop.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    const simple = await request(app.getHttpServer())
      .get('/health/live')
      .set('Origin', 'https://shop.example.com');
    const stranger = await request(app.getHttpServer())
      .get('/health/live')
      .set('Origin', 'https://evil.example.com');

    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    expect(simple.headers['access-control-expose-headers']?.split(/,\s*/)).toEqual([
      'X-Request-Id',
      'X-Correlation-Id',
    ]);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('logs a preflight the CORS hook answers before any platform hook, with its request id', async () => {
    await request(app.getHttpServer())
      .options('/v1/products')
      .set('Origin', 'https://shop.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('X-Request-Id', 'preflight-1')
      .expect(204);

    await expect(logs.waitFor((line) => line.requestId === 'preflight-1')).resolves.toMatchObject({
      method: 'OPTIONS',
      status: 204,
    });
  });

  it('echoes X-Request-Id, or generates one, on every response', async () => {
    const echoed = await request(app.getHttpServer())
      .get('/v1/products/p-1')
      .set('X-Request-Id', 'edge-7');
    const generated = await request(app.getHttpServer()).get('/v1/products/p-1');

    expect(echoed.headers['x-request-id']).toBe('edge-7');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves controllers under /v1 by default and version-neutral ones without a prefix', async () => {
    await request(app.getHttpServer())
      .post('/v1/products')
      .send({ name: 'Lamp', priceCents: 1 })
      .expect(201);
    await request(app.getHttpServer())
      .post('/products')
      .send({ name: 'Lamp', priceCents: 1 })
      .expect(404);
    await request(app.getHttpServer())
      .post('/api/articles')
      .send({ title: 'Hi', body: 'There' })
      .expect(201);
  });

  it('publishes an OpenAPI document with the versioned routes and a bearer scheme', async () => {
    const { body: document } = await request(app.getHttpServer()).get('/docs-json').expect(200);

    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toEqual({
      title: 'Catalog API',
      description: 'Products and articles',
      version: '1.2',
      contact: {},
    });
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/products',
        '/v1/products/{id}',
        '/api/articles',
        '/api/articles/{slug}',
      ]),
    );
    expect(
      document.paths['/v1/products'].post.requestBody.content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/CreateProductDto',
    });
    expect(document.components.schemas.CreateProductDto.required).toEqual(['name', 'priceCents']);
    expect(document.components.securitySchemes.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(Object.keys(document.paths).filter((path) => /health|metrics/.test(path))).toEqual([]);
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);

    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('swagger-ui');
  });

  it('labels request durations with the versioned route template', async () => {
    await request(app.getHttpServer()).get('/v1/products/p-1').expect(404);

    const { text } = await request(app.getHttpServer()).get('/metrics').expect(200);

    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/v1\/products\/:id",status="404"\} \d+/,
    );
  });

  it('reports ready once its real Postgres answers', async () => {
    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(200, { status: 'ready', dependencies: { postgres: 'up' }, degraded: [] });
  });
});
