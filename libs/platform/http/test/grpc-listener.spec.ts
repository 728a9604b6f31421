import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Readiness } from '@capstone/platform/observability';
import { shutdownGracefully, startGrpcListener } from '../src';
import { createCatalogApp, stockGrpc } from './support/catalog-app';
import { CatalogDatabase, SlowLane } from './support/catalog.module';
import { freePort } from './support/free-port';
import { logLines } from './support/log-lines';
import { stockClient } from './support/stock-client';

async function servingCatalog(): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createCatalogApp(logLines());
  const url = `127.0.0.1:${await freePort()}`;
  await startGrpcListener(app, stockGrpc, url);
  return { app, url };
}

describe('the gRPC listener', () => {
  describe('answering calls', () => {
    let app: NestFastifyApplication;
    let stock: ReturnType<typeof stockClient>;

    beforeAll(async () => {
      const serving = await servingCatalog();
      app = serving.app;
      stock = stockClient(serving.url);
    });

    afterAll(async () => {
      stock.close();
      await app.close();
    });

    it('serves the contract beside HTTP, on the address it is given', async () => {
      await expect(stock.countStock('p-1')).resolves.toEqual({ productId: 'p-1', available: 3 });
    });

    it('answers a missing resource with NOT_FOUND and its stable code in the metadata', async () => {
      const failure = await stock.countStock('p-missing').catch((error: unknown) => error);
      expect(failure).toMatchObject({
        code: status.NOT_FOUND,
        details: 'Product p-missing does not exist',
      });
      expect(
        (failure as { metadata: { get(key: string): unknown[] } }).metadata.get('error-code'),
      ).toEqual(['not_found']);
    });

    it('answers invalid input with INVALID_ARGUMENT naming the field', async () => {
      await expect(stock.countStock('')).rejects.toMatchObject({
        code: status.INVALID_ARGUMENT,
        details: 'One or more fields are invalid: productId must not be empty',
      });
    });

    it('answers an unexpected failure with INTERNAL and never its message', async () => {
      const failure = await stock.countStock('p-crash').catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: status.INTERNAL });
      expect(JSON.stringify(failure)).not.toContain('db-primary');
    });
  });

  describe('on shutdown', () => {
    it('finishes an in-flight call with the database still open, refuses new calls, then closes the pool', async () => {
      const { app, url } = await servingCatalog();
      const stock = stockClient(url);
      const slowCall = stock.countStock('p-slow');
      await app.get(SlowLane).whenEntered();

      const shutdown = shutdownGracefully(app, 10_000);

      expect(app.get(Readiness).isDraining).toBe(true);
      const late = stockClient(url);
      await expect(late.countStock('p-1', 1000)).rejects.toMatchObject({
        code: status.UNAVAILABLE,
      });
      app.get(SlowLane).release();
      await expect(slowCall).resolves.toEqual({ productId: 'p-slow', available: 7 });
      await shutdown;
      expect(app.get(CatalogDatabase).pool.ended).toBe(true);
      late.close();
      stock.close();
    });

    it('cuts off a call that outlives the drain timeout, so shutdown always ends', async () => {
      const { app, url } = await servingCatalog();
      const stock = stockClient(url);
      const stuck = stock.countStock('p-slow');
      await app.get(SlowLane).whenEntered();

      await shutdownGracefully(app, 100);

      await expect(stuck).rejects.toMatchObject({ code: status.CANCELLED });
      app.get(SlowLane).release();
      stock.close();
    });
  });
});
