import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimitedError } from '@capstone/platform/http';
import type { Request, Response } from 'express';
import { accountKey, LoginLockout } from './login-lockout';
import { RATE_LIMIT_POLICY, type Allowance, type RateLimitPolicy } from './rate-limit';
import { RedisCounters } from './redis-counters';

/** Enforces a route's `@RateLimit` policy against counters in Redis, shared by every replica. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: RedisCounters,
    private readonly lockout: LoginLockout,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<RateLimitPolicy | undefined>(
      RATE_LIMIT_POLICY,
      context.getHandler(),
    );
    if (!policy) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const { perAccount } = policy;
    const account = perAccount && fieldOf(request.body, perAccount.field);

    // Independent counters, asked at once: this guard sits in front of every login.
    const waits = await Promise.all([
      this.spend(`${policy.name}:ip:${request.ip}`, policy.perIp),
      perAccount && account
        ? this.spend(`${policy.name}:account:${accountKey(account)}`, perAccount)
        : 0,
      policy.honourLoginLockout && account ? this.lockout.remainingMs(account) : 0,
    ]);

    const waitMs = Math.max(...waits);
    if (waitMs === 0) return true;
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', Math.ceil(waitMs / 1000));
    throw new RateLimitedError('Too many attempts; try again later');
  }

  /** 0 when the attempt is within the allowance, else how long until the window ends. */
  private async spend(bucket: string, allowance: Allowance): Promise<number> {
    const { count, remainingMs } = await this.counters.hit(
      `rate:${bucket}`,
      allowance.windowSeconds * 1000,
    );
    return count > allowance.limit ? Math.max(remainingMs, 1000) : 0;
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
