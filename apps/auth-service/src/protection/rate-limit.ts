import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RateLimitGuard } from './rate-limit.guard';
import type { AccountLimitedAction, RateLimitedAction } from './rate-limited-actions';

export interface RateLimitedRoute {
  action: RateLimitedAction;
  /** The (unvalidated) body field that names the account, e.g. `email` or `user.email`. */
  accountField?: string;
}

export const RATE_LIMITED_ROUTE = Symbol('rate-limited-route');

/**
 * `@RateLimit('login', 'email')` on a route: it spends the action's configured allowances, and past
 * one answers 429 with `Retry-After` and a message that says nothing about the account.
 */
export function RateLimit(
  action: AccountLimitedAction,
  accountField: string,
): MethodDecorator & ClassDecorator;
export function RateLimit(
  action: Exclude<RateLimitedAction, AccountLimitedAction>,
): MethodDecorator & ClassDecorator;
export function RateLimit(
  action: RateLimitedAction,
  accountField?: string,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(RATE_LIMITED_ROUTE, { action, accountField } satisfies RateLimitedRoute),
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
