import type { FastifyRequest } from 'fastify';
import type { Principal } from '../principal';

/** The request as AuthGuard leaves it: `principal` is set whenever a credential was verified. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}
