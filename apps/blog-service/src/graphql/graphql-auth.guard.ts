import {
  createParamDecorator,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import {
  AuthError,
  AuthErrorCode,
  REQUIRED_ROLES,
  ROUTE_ACCESS,
  type Principal,
  type Role,
  type RouteAccess,
} from '@capstone/platform/auth';
import type { BlogGraphqlContext } from './graphql-context';

const contextOf = (context: ExecutionContext) =>
  GqlExecutionContext.create(context).getContext<BlogGraphqlContext>();

/**
 * The platform's AuthGuard for resolvers, which it leaves alone (it guards HTTP routes only, and
 * Mercurius serves /graphql outside Nest's router): every query, mutation and subscription needs
 * a caller unless it says `@OptionalAuth()` or `@Public()`, with the same rules and codes.
 */
@Injectable()
export class GraphqlAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets);
    if (access === 'public') return true;
    const roles =
      this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];

    // An AuthError thrown here reaches the error formatter, which gives it its GraphQL code.
    const principal = await contextOf(context).caller.identify();
    if (!principal) {
      if (access === 'optional' && roles.length === 0) return true;
      throw new AuthError(AuthErrorCode.TokenMissing, 'authentication token is missing');
    }
    if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
      throw new AuthError(
        AuthErrorCode.Forbidden,
        `requires one of the roles: ${roles.join(', ')}`,
      );
    }
    return true;
  }
}

/** The verified caller of a resolver: undefined only where `@OptionalAuth()` let an anonymous one in. */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    contextOf(context).caller.principal,
);
