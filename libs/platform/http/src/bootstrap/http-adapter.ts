import { FastifyAdapter } from '@nestjs/platform-fastify';
import { bytesOf, httpServerEnvironment, loadConfiguration } from '@capstone/platform/config';
import { beginCorrelation } from '@capstone/platform/observability';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

/**
 * The Fastify server every service runs on. Its limits and proxy trust are fixed when the server
 * is created, before `AppConfig` exists, so they are read here from the same schema fields.
 */
export function createHttpAdapter(): FastifyAdapter {
  const settings = loadConfiguration(z.object(httpServerEnvironment()));
  return new FastifyAdapter({
    // Requests are logged by @capstone/platform/observability, one line each.
    logger: false,
    // Before any hook, the framework's own included: every answer, however early, carries its ids.
    genReqId: (request: IncomingMessage) => beginCorrelation(request).requestId,
    bodyLimit: bytesOf(settings.BODY_LIMIT),
    // Behind the gateway every request comes from its address: rate limits need the forwarded one.
    trustProxy: settings.TRUSTED_PROXIES,
    // Streaming uploads (`request.file()`) for every service; nothing is buffered unless a route asks.
    multipart: { limits: { fileSize: bytesOf(settings.UPLOAD_LIMIT), files: 10, fields: 50 } },
  });
}
