import { get } from 'node:http';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { ServiceProcess } from './support/service-process';
import { stockClient } from './support/stock-client';

const catalogMain = join(__dirname, 'support', 'catalog-main.ts');

function getText(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('bootstrapService', () => {
  let service: ServiceProcess | undefined;

  afterEach(() => service?.stop());

  it('prints every configuration problem at once and exits with status 1', async () => {
    service = new ServiceProcess(catalogMain, {
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      CORS_ORIGINS: 'not-an-origin',
    });

    await expect(service.exited).resolves.toBe(1);
    expect(service.stderr).toContain('Invalid configuration: 3 problems');
    expect(service.stderr).toContain(
      'PORT: Invalid input: expected number, received NaN (expected a TCP port between 1 and 65535)',
    );
    expect(service.stderr).toMatch(/LOG_LEVEL: .*\(expected a pino level/);
    expect(service.stderr).toContain('CORS_ORIGINS: entry 0 must be * or an origin');
    expect(service.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('listens on PORT and, on SIGTERM, finishes the request in flight before exiting with status 0', async () => {
    const port = await freePort();
    service = new ServiceProcess(catalogMain, {
      PORT: String(port),
      GRPC_URL: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    });
    await service.waitForOutput(`listening on port ${port}`);

    const inFlight = getText(port, '/v1/products/slow');
    await service.waitForOutput('slow request waiting');
    service.signal('SIGTERM');

    await expect(inFlight).resolves.toEqual({ status: 200, body: '{"databaseAnswered":true}' });
    await expect(service.exited).resolves.toBe(0);
    expect(service.stdout).toContain('SIGTERM received: draining in-flight requests');
  }, 60_000);

  it('serves gRPC on GRPC_URL before HTTP, and on SIGTERM finishes the call in flight before exiting', async () => {
    const port = await freePort();
    const grpcUrl = `127.0.0.1:${await freePort()}`;
    service = new ServiceProcess(catalogMain, {
      PORT: String(port),
      GRPC_URL: grpcUrl,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    });
    await service.waitForOutput(`listening on port ${port}`);
    expect(service.stdout.indexOf(`gRPC listening on ${grpcUrl}`)).toBeGreaterThan(-1);
    expect(service.stdout.indexOf(`gRPC listening on ${grpcUrl}`)).toBeLessThan(
      service.stdout.indexOf(`listening on port ${port}`),
    );
    const stock = stockClient(grpcUrl);

    const inFlight = stock.countStock('p-slow');
    await service.waitForOutput('slow request waiting');
    service.signal('SIGTERM');

    await expect(inFlight).resolves.toEqual({ productId: 'p-slow', available: 7 });
    await expect(service.exited).resolves.toBe(0);
    stock.close();
  }, 60_000);

  it('prints one short line per request in development: time, level, service, method, path, status, duration, request id', async () => {
    const port = await freePort();
    service = new ServiceProcess(catalogMain, {
      PORT: String(port),
      GRPC_URL: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
    await service.waitForOutput(`listening on port ${port}`);

    await getText(port, '/v1/products/p-7');
    await service.waitForOutput('GET /v1/products/p-7 404');

    const line = service.stdout.split('\n').find((text) => text.includes('/v1/products/p-7'));
    expect(stripColours(line ?? '')).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: catalog-service GET \/v1\/products\/p-7 404 \d+(\.\d)?ms [0-9a-f-]{36}$/,
    );
  }, 60_000);
});

function stripColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
