import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { LogCapture, type LogLine } from './support/log-capture';
import { startObservedApp } from './support/observed-app';

async function observedWith(
  environment: Record<string, string>,
  logs: LogCapture,
): Promise<NestFastifyApplication> {
  Object.assign(process.env, environment);
  try {
    return await startObservedApp(logs);
  } finally {
    for (const name of Object.keys(environment)) delete process.env[name];
  }
}

const accessLineOf = (logs: LogCapture, requestId: string): Promise<LogLine> =>
  logs.waitFor((line) => line.requestId === requestId && typeof line.status === 'number');

describe('the access log', () => {
  const logs = new LogCapture();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await observedWith({ SLOW_REQUEST_MS: '500', NODE_ENV: 'development' }, logs);
  });

  afterAll(() => app.close());

  it('writes one short line per request: method, path, status, duration and ids, nothing more', async () => {
    await request(app.getHttpServer()).get('/widgets/7').set('X-Request-Id', 'plain-1').expect(200);

    const line = await accessLineOf(logs, 'plain-1');
    expect(line).toEqual({
      level: 'info',
      time: expect.any(String),
      service: 'widget-service',
      pid: process.pid,
      hostname: expect.any(String),
      requestId: 'plain-1',
      correlationId: 'plain-1',
      method: 'GET',
      path: '/widgets/7',
      status: 200,
      durationMs: expect.any(Number),
      msg: expect.stringMatching(/^GET \/widgets\/7 200 \d+(\.\d)?ms$/),
    });
    expect(logs.lines.filter((entry) => entry.requestId === 'plain-1')).toHaveLength(2);
  });

  it('logs a client error at info, because a client’s mistake is not the service’s warning', async () => {
    await request(app.getHttpServer()).get('/nowhere').set('X-Request-Id', 'miss-1').expect(404);

    await expect(accessLineOf(logs, 'miss-1')).resolves.toMatchObject({
      level: 'info',
      status: 404,
    });
  });

  it('logs a request slower than SLOW_REQUEST_MS at warn', async () => {
    await request(app.getHttpServer())
      .get('/widgets/slow/600')
      .set('X-Request-Id', 'slow-1')
      .expect(200);

    const line = await accessLineOf(logs, 'slow-1');
    expect(line).toMatchObject({ level: 'warn', status: 200 });
    expect(line.durationMs).toBeGreaterThanOrEqual(600);
  });

  it('leaves the query string out, since it may carry tokens', async () => {
    await request(app.getHttpServer())
      .get('/widgets/7?token=query-secret')
      .set('X-Request-Id', 'query-1')
      .expect(200);

    await expect(accessLineOf(logs, 'query-1')).resolves.toMatchObject({ path: '/widgets/7' });
    expect(JSON.stringify(logs.lines)).not.toContain('query-secret');
  });

  it('carries no request headers outside development either, except the allow-listed ones', async () => {
    const productionLogs = new LogCapture();
    const production = await observedWith({ NODE_ENV: 'production' }, productionLogs);
    try {
      await request(production.getHttpServer())
        .post('/widgets')
        .set('X-Request-Id', 'prod-1')
        .set('User-Agent', 'curl/8.5')
        .set('Referer', 'https://app.example.com/widgets')
        .set('Authorization', 'Bearer header-secret')
        .set('Cookie', 'session=cookie-secret')
        .send({ name: 'lamp' })
        .expect(201);

      const line = await accessLineOf(productionLogs, 'prod-1');
      expect(line).toMatchObject({
        userAgent: 'curl/8.5',
        referer: 'https://app.example.com/widgets',
        contentLength: '15',
      });
      expect(JSON.stringify(productionLogs.lines)).not.toMatch(/header-secret|cookie-secret/);
    } finally {
      await production.close();
    }
  });

  it('escapes what the client sent, so a line with quotes, backslashes or unicode is still one JSON document', async () => {
    const productionLogs = new LogCapture();
    const production = await observedWith({ NODE_ENV: 'production' }, productionLogs);
    const agent = 'evil "agent" \\ {"level":"fatal"} ünïcødé';
    try {
      await request(production.getHttpServer())
        .get('/widgets/%22%5C')
        .set('X-Request-Id', 'escape-1')
        .set('User-Agent', agent)
        .expect(200);

      await expect(accessLineOf(productionLogs, 'escape-1')).resolves.toMatchObject({
        level: 'info',
        path: '/widgets/%22%5C',
        userAgent: agent,
      });
    } finally {
      await production.close();
    }
  });
});
