import { evaluateCrossOriginRequest } from '@nestjs/core/security/cross-origin-protection.js';
import type { FastifyRequest } from 'fastify';

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Whether a state-changing request comes from another origin's page, decided as Nest's
 * `app.enableCsrfProtection()` decides it (Fetch Metadata, then Origin against Host). SameSite=Strict
 * already keeps the cookie off cross-site requests; this also covers other ports of localhost.
 */
export function isCrossOriginWrite(request: FastifyRequest): boolean {
  return !evaluateCrossOriginRequest({
    method: request.method,
    secFetchSite: single(request.headers['sec-fetch-site']),
    origin: single(request.headers.origin),
    host: request.headers.host,
  }).allowed;
}
