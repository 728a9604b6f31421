import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { LogCapture } from './support/log-capture';
import { startObservedApp } from './support/observed-app';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request correlation', () => {
  const logs = new LogCapture();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startObservedApp(logs);
  });

  afterAll(() => app.close());

  it('echoes a well-formed X-Request-Id and uses it as the correlation id', async () => {
    const response = await request(app.getHttpServer())
      .get('/widgets/7')
      .set('X-Request-Id', 'gateway-42')
      .expect(200);

    expect(response.headers['x-request-id']).toBe('gateway-42');
    expect(response.headers['x-correlation-id']).toBe('gateway-42');
  });

  it('assigns a UUID when the request has no X-Request-Id', async () => {
    const response = await request(app.getHttpServer()).get('/widgets/7').expect(200);

    expect(response.headers['x-request-id']).toMatch(uuid);
  });

  it('replaces an X-Request-Id that is too long or holds odd characters', async () => {
    const tooLong = await request(app.getHttpServer())
      .get('/widgets/7')
      .set('X-Request-Id', 'a'.repeat(200));
    const odd = await request(app.getHttpServer())
      .get('/widgets/7')
      .set('X-Request-Id', 'id with spaces; and=more');

    expect(tooLong.headers['x-request-id']).toMatch(uuid);
    expect(odd.headers['x-request-id']).toMatch(uuid);
  });

  it('keeps the caller’s X-Correlation-Id while giving the request its own id', async () => {
    const response = await request(app.getHttpServer())
      .get('/widgets/7')
      .set('X-Correlation-Id', 'checkout-1')
      .expect(200);

    expect(response.headers['x-correlation-id']).toBe('checkout-1');
    expect(response.headers['x-request-id']).toMatch(uuid);
  });

  it('stamps the request and correlation ids on the lines the handler logs and on the access line', async () => {
    await request(app.getHttpServer())
      .get('/widgets/8')
      .set('X-Request-Id', 'req-8')
      .set('X-Correlation-Id', 'chain-8')
      .expect(200);

    const handlerLine = await logs.waitFor((line) => line.msg === 'looking up widget 8');
    const accessLine = await logs.waitFor(
      (line) => line.method === 'GET' && line.requestId === 'req-8',
    );
    expect(handlerLine).toMatchObject({
      requestId: 'req-8',
      correlationId: 'chain-8',
      service: 'widget-service',
      level: 'info',
      context: 'WidgetsController',
    });
    expect(accessLine).toMatchObject({ correlationId: 'chain-8', status: 200 });
  });

  it('logs a request that fails before any handler runs, with its ids, at info: a client’s mistake is not our warning', async () => {
    const response = await request(app.getHttpServer())
      .get('/no-such-route')
      .set('X-Request-Id', 'lost-1')
      .expect(404);

    expect(response.headers['x-request-id']).toBe('lost-1');
    await expect(
      logs.waitFor((line) => line.method === 'GET' && line.requestId === 'lost-1'),
    ).resolves.toMatchObject({ level: 'info', status: 404, path: '/no-such-route' });
  });

  it('never logs credentials: no header outside the allow-list, and password fields redacted', async () => {
    await request(app.getHttpServer())
      .post('/widgets')
      .set('X-Request-Id', 'secret-1')
      .set('Authorization', 'Bearer very-secret-token')
      .set('Cookie', 'session=very-secret-cookie')
      .send({
        name: 'lamp',
        password: 'very-secret-password',
        owner: { password: 'nested-secret' },
      })
      .expect(201);

    await logs.waitFor((line) => line.method === 'POST' && line.requestId === 'secret-1');
    const everything = JSON.stringify(logs.lines);
    expect(everything).toContain('"password":"[redacted]"');
    expect(everything).not.toMatch(/very-secret|nested-secret/);
  });

  it('leaves health probes out of the access log', async () => {
    await request(app.getHttpServer())
      .get('/health/live')
      .set('X-Request-Id', 'probe-1')
      .expect(200);
    await request(app.getHttpServer())
      .get('/widgets/9')
      .set('X-Request-Id', 'after-probe')
      .expect(200);

    await logs.waitFor((line) => line.requestId === 'after-probe' && line.method === 'GET');
    expect(logs.lines.filter((line) => line.requestId === 'probe-1')).toEqual([]);
  });
});
