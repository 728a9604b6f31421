import type { INestApplication } from '@nestjs/common';
import { register } from 'prom-client';
import request from 'supertest';
import { Metrics } from '../src';
import { LogCapture } from './support/log-capture';
import { startObservedApp } from './support/observed-app';

describe('/metrics', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startObservedApp(new LogCapture());
  });

  afterAll(() => app.close());

  async function scrape(): Promise<string> {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toBe(register.contentType);
    return response.text;
  }

  it('labels request durations with the route template, never the raw URL', async () => {
    await request(app.getHttpServer()).get('/widgets/41').expect(200);
    await request(app.getHttpServer()).get('/widgets/42').expect(200);

    const metrics = await scrape();

    expect(metrics).toContain('# TYPE http_request_duration_seconds histogram');
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/widgets\/:id",status="200"\} 2/,
    );
    expect(metrics).not.toContain('/widgets/41');
  });

  it('puts requests that matched no route under one label value', async () => {
    await request(app.getHttpServer()).get('/scanner/wp-admin.php').expect(404);

    const metrics = await scrape();

    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} 1/,
    );
    expect(metrics).not.toContain('wp-admin');
  });

  it('exposes the default Node.js process metrics', async () => {
    const metrics = await scrape();

    expect(metrics).toContain('process_cpu_user_seconds_total');
    expect(metrics).toContain('nodejs_eventloop_lag_seconds');
  });

  it('hands every library the metric already registered under a name instead of failing on a duplicate', async () => {
    const first = Metrics.counter({ name: 'widgets_polished_total', help: 'Widgets polished' });
    const second = Metrics.counter({ name: 'widgets_polished_total', help: 'Widgets polished' });
    first.inc();
    second.inc();

    expect(second).toBe(first);
    expect(await scrape()).toContain('widgets_polished_total 2');
    expect(() => Metrics.gauge({ name: 'widgets_polished_total', help: 'clash' })).toThrow(
      'Metric widgets_polished_total is already registered as another kind',
    );
  });

  it('keeps one histogram when a second application starts in the same process', async () => {
    const second = await startObservedApp(new LogCapture());
    await request(second.getHttpServer()).get('/widgets/43').expect(200);
    await second.close();

    expect(await scrape()).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/widgets\/:id",status="200"\} 3/,
    );
  });
});
