import type { INestApplication } from '@nestjs/common';
import { Readiness } from '@capstone/platform/observability';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Middleware: once the service drains, a keep-alive connection is closed as soon as its response
 * is over, instead of lingering (and holding shutdown) until the keep-alive timeout.
 */
export function closeConnectionsWhileDraining(server: Server, readiness: Readiness) {
  return (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    response.on('close', () => {
      if (readiness.isDraining) server.closeIdleConnections();
    });
    next();
  };
}

/**
 * The order matters: report not-ready, stop accepting connections, let in-flight requests finish
 * (cut off after `drainTimeoutMs`), and only then run Nest's shutdown hooks, which close consumers
 * and pools those requests may still need. (`enableShutdownHooks` would close them first.)
 */
export async function shutdownGracefully(
  app: INestApplication,
  drainTimeoutMs: number,
): Promise<void> {
  app.get(Readiness).beginDraining();
  await stopAcceptingAndDrain(app.getHttpServer(), drainTimeoutMs);
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
