import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { credentialsFrom, type AuthenticatedRequest } from '@capstone/platform/auth';
import { RateLimitedError } from '@capstone/platform/http';
import { createHash } from 'node:crypto';
import { RATE_LIMITED_ACTION } from './rate-limit';
import type { RateLimitedAction } from './rate-limited-actions';
import { RateLimits } from './rate-limits';

/** Enforces a route's `@RateLimit` action; runs after AuthGuard, so the caller is known. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<RateLimitedAction | undefined>(
      RATE_LIMITED_ACTION,
      context.getHandler(),
    );
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!action || !request.principal) return true;
    const waitMs = await this.limits.spend(action, {
      principal: request.principal,
      apiKeyDigest: apiKeyDigestOf(request),
    });
    if (waitMs === 0) return true;
    throw new RateLimitedError('Too many requests for this account or API key; try again later', {
      retryAfterMs: waitMs,
    });
  }
}

function apiKeyDigestOf(request: AuthenticatedRequest): string | undefined {
  if (request.principal?.via !== 'api-key') return undefined;
  const credentials = credentialsFrom(request.headers);
  return credentials?.kind === 'api-key'
    ? createHash('sha256').update(credentials.key).digest('base64url')
    : undefined;
}
