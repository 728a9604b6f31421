import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '../principal';

// Exported so that other metadata readers (OpenAPI security requirements) agree with the guard.
export const ROUTE_ACCESS = 'capstone:auth:access';
export const REQUIRED_ROLES = 'capstone:auth:roles';
export const REQUIRED_SCOPES = 'capstone:auth:scopes';

/** Every route requires a valid credential unless marked otherwise. */
export type RouteAccess = 'public' | 'optional';

/** No credential needed; one that is sent is not even read. */
export const Public = () => SetMetadata(ROUTE_ACCESS, 'public' satisfies RouteAccess);

/**
 * Anonymous callers pass without a user. A credential that is sent must still be valid: an
 * expired token answers 401 rather than a silently anonymous page, as RealWorld implementations do.
 */
export const OptionalAuth = () => SetMetadata(ROUTE_ACCESS, 'optional' satisfies RouteAccess);

/** The caller needs at least one of these roles (403 `forbidden` otherwise); implies authentication. */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * An API key must carry every one of these scopes (403 `insufficient_scope` otherwise). It narrows
 * keys only: an access token acts with its user's full rights, and who may call is set as above.
 */
export const RequireScopes = (...scopes: [string, ...string[]]) =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiForbiddenResponse({
      description: `\`insufficient_scope\`: an API key needs the scopes ${scopes.join(', ')}`,
    }),
  );
