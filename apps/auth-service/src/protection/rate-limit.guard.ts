import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimitedError } from '@capstone/platform/http';
import type { FastifyRequest } from 'fastify';
import { accountKey, LoginLockout } from './login-lockout';
import { RATE_LIMITED_ROUTE, type RateLimitedRoute } from './rate-limit';
import { RATE_LIMITED_ACTIONS } from './rate-limited-actions';
import { RateLimits } from './rate-limits';

/** Enforces a route's `@RateLimit` action against its configured allowances. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
    private readonly lockout: LoginLockout,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<RateLimitedRoute | undefined>(
      RATE_LIMITED_ROUTE,
      context.getHandler(),
    );
    if (!route) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const account = route.accountField && fieldOf(request.body, route.accountField);
    const honoursLockout = 'honourLoginLockout' in RATE_LIMITED_ACTIONS[route.action];

    // Independent counters, asked at once: this guard sits in front of every login.
    const waits = await Promise.all([
      this.limits.spend(route.action, 'ip', request.ip),
      account ? this.limits.spend(route.action, 'account', accountKey(account)) : 0,
      honoursLockout && account ? this.lockout.remainingMs(account) : 0,
    ]);

    const waitMs = Math.max(...waits);
    if (waitMs === 0) return true;
    throw new RateLimitedError('Too many attempts; try again later', { retryAfterMs: waitMs });
  }
}

/** `user.email` → body.user.email, when it is a non-empty string. */
function fieldOf(body: unknown, path: string): string | undefined {
  const value = path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      body,
    );
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
