import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RateLimitGuard } from './rate-limit.guard';

export interface Allowance {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitPolicy {
  /** Names the counters, e.g. `login`; routes sharing a name share their counters. */
  name: string;
  perIp: Allowance;
  /** Counted per account, named by a field of the (unvalidated) body, e.g. `email`. */
  perAccount?: Allowance & { field: string };
  /** Also refuse while the account is locked after repeated failed logins. */
  honourLoginLockout?: boolean;
}

export const RATE_LIMIT_POLICY = Symbol('rate-limit-policy');

/**
 * `@RateLimit({ name: 'login', perIp: {...}, perAccount: {..., field: 'email'} })` on a route:
 * past a limit it answers 429 with `Retry-After` and a message that says nothing about the account.
 */
export function RateLimit(policy: RateLimitPolicy): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(RATE_LIMIT_POLICY, policy),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description: 'Too many attempts; `Retry-After` says how many seconds to wait',
      headers: { 'Retry-After': { schema: { type: 'integer', example: 30 } } },
    }),
    ApiHeader({
      name: 'X-Forwarded-For',
      required: false,
      description: 'Counted per client IP as the proxy reports it',
    }),
  );
}
