import type { INestApplication } from '@nestjs/common';
import { Readiness } from '@capstone/platform/observability';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { drainGrpcListener } from '../grpc/grpc-listener';

/**
 * Once the service drains, every response says `Connection: close`, so a keep-alive client opens
 * its next connection elsewhere instead of lingering here (and holding shutdown) until its timeout.
 */
export function closeConnectionsWhileDraining(server: FastifyInstance, readiness: Readiness): void {
  server.addHook('onSend', (request, reply, _payload, done) => {
    if (readiness.isDraining && request.raw.httpVersionMajor === 1)
      reply.header('Connection', 'close');
    done();
  });
}

/**
 * The order matters: report not-ready, stop accepting connections, let in-flight requests and gRPC
 * calls finish (cut off after `drainTimeoutMs`), and only then run Nest's shutdown hooks, which
 * close consumers and pools those requests may still need. (`enableShutdownHooks` would close
 * them first.)
 */
export async function shutdownGracefully(
  app: INestApplication,
  drainTimeoutMs: number,
): Promise<void> {
  app.get(Readiness).beginDraining();
  await Promise.all([
    stopAcceptingAndDrain(app.getHttpServer(), drainTimeoutMs),
    drainGrpcListener(app, drainTimeoutMs),
  ]);
  await app.close();
}

function stopAcceptingAndDrain(server: Server, drainTimeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    // close() refuses new connections, closes idle ones, and calls back once the busy ones are done.
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
  });
}
