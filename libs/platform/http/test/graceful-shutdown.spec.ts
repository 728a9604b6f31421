import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Readiness } from '@capstone/platform/observability';
import { Agent, get } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { shutdownGracefully } from '../src';
import { createCatalogApp } from './support/catalog-app';
import { CatalogDatabase, SlowLane } from './support/catalog.module';
import { logLines } from './support/log-lines';

interface Answer {
  status: number;
  connection?: string;
  body: string;
}

function fetchOver(port: number, path: string, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          body,
        }),
      );
    }).on('error', reject);
  });
}

function connectionOutcome(port: number): Promise<'accepted' | 'refused'> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', () => resolve('refused'));
  });
}

async function listeningCatalog(): Promise<{ app: NestFastifyApplication; port: number }> {
  const app = await createCatalogApp(logLines());
  await app.listen(0, '127.0.0.1');
  return { app, port: (app.getHttpServer().address() as AddressInfo).port };
}

describe('graceful shutdown', () => {
  it('finishes an in-flight request with the database still open, refuses new connections, then closes the pool', async () => {
    const { app, port } = await listeningCatalog();
    const keepAlive = new Agent({ keepAlive: true });
    await fetchOver(port, '/health/live', keepAlive);
    const slowAnswer = fetchOver(port, '/v1/products/slow', keepAlive);
    await app.get(SlowLane).whenEntered();

    const shutdown = shutdownGracefully(app, 10_000);

    expect(app.get(Readiness).isDraining).toBe(true);
    await expect(connectionOutcome(port)).resolves.toBe('refused');
    app.get(SlowLane).release();
    await expect(slowAnswer).resolves.toMatchObject({
      status: 200,
      body: '{"databaseAnswered":true}',
    });
    await shutdown;
    expect(app.get(CatalogDatabase).pool.ended).toBe(true);
    keepAlive.destroy();
  });

  it('does not wait out the keep-alive timeout of a connection that just answered', async () => {
    const { app, port } = await listeningCatalog();
    const keepAlive = new Agent({ keepAlive: true });
    const slowAnswer = fetchOver(port, '/v1/products/slow', keepAlive);
    await app.get(SlowLane).whenEntered();
    const started = Date.now();

    const shutdown = shutdownGracefully(app, 10_000);
    app.get(SlowLane).release();
    await slowAnswer;
    await shutdown;

    // Node's keep-alive timeout is 5 s; draining ends as soon as the last response is out.
    expect(Date.now() - started).toBeLessThan(2000);
    keepAlive.destroy();
  });

  it('cuts off a request that outlives the drain timeout, so shutdown always ends', async () => {
    const { app, port } = await listeningCatalog();
    const stuck = fetchOver(port, '/v1/products/slow');
    await app.get(SlowLane).whenEntered();

    await shutdownGracefully(app, 100);

    await expect(stuck).rejects.toThrow('socket hang up');
    app.get(SlowLane).release();
  });
});
