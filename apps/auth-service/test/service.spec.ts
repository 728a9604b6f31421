import { startAuthService, type AuthServiceUnderTest } from './auth-service';

describe('auth-service as a platform service', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('service');
  });

  afterAll(() => service.close());

  it('reports ready when its database, Redis and Kafka answer', async () => {
    await service.http.get('/health/ready').expect(200, {
      status: 'ready',
      dependencies: { postgres: 'up', redis: 'up', kafka: 'up' },
      degraded: [],
    });
  });

  it('publishes its OpenAPI document', async () => {
    const { body } = await service.http.get('/docs-json').expect(200);
    expect(body.info.title).toBe('Capstone auth-service');
  });

  it('exposes Prometheus metrics', async () => {
    const { text } = await service.http.get('/metrics').expect(200);
    expect(text).toContain('http_request_duration_seconds');
  });

  it('answers an unknown route with a problem document, not a stack trace', async () => {
    const { body } = await service.http.get('/v1/nothing-here').expect(404);
    expect(body).toMatchObject({ status: 404, code: 'not_found' });
    expect(JSON.stringify(body)).not.toMatch(/at .+\.ts:\d+/);
  });
});
