import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RateLimitGuard } from './rate-limit.guard';
import type { RateLimitedAction } from './rate-limited-actions';

export const RATE_LIMITED_ACTION = Symbol('rate-limited-action');

/**
 * `@RateLimit('link-create')` on an authenticated route: each call spends the action's allowances
 * for the caller's user and API key, and past one answers 429 `rate_limited` with `Retry-After`.
 */
export const RateLimit = (action: RateLimitedAction) =>
  applyDecorators(
    SetMetadata(RATE_LIMITED_ACTION, action),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description:
        '`rate_limited`: too many for this user or API key; `Retry-After` says how many seconds to wait',
      headers: { 'Retry-After': { schema: { type: 'integer', example: 60 } } },
    }),
  );
