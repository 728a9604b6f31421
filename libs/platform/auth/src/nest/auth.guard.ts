import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { OPERATIONAL_ENDPOINT } from '@capstone/platform/observability';
import type { FastifyReply } from 'fastify';
import { AuthError, AuthErrorCode } from '../auth-error';
import { Authenticator } from '../authenticator';
import { credentialsFrom } from '../credentials';
import type { Principal, Role } from '../principal';
import type { AuthenticatedRequest } from './authenticated-request';
import { challengeFor, httpExceptionFor } from './http-exception';
import { REQUIRED_ROLES, REQUIRED_SCOPES, ROUTE_ACCESS, type RouteAccess } from './route-access';

/** Registered globally by AuthModule: every HTTP route is authenticated unless it says otherwise. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // socket.io authenticates once, at the handshake, with Authenticator (see the README).
    if (context.getType() !== 'http') return true;
    // Health probes and metric scrapes come from the infrastructure, which holds no user token.
    if (this.reflector.get<boolean | undefined>(OPERATIONAL_ENDPOINT, context.getClass()))
      return true;
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets);
    if (access === 'public') return true;
    const rules: AccessRules = {
      access,
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [],
      scopes:
        this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, targets) ?? [],
    };

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    try {
      const credentials = credentialsFrom(request.headers);
      request.principal = credentials && (await this.authenticator.authenticate(credentials));
      authorize(request.principal, rules);
      return true;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const exception = httpExceptionFor(error);
      if (exception.getStatus() === 401) {
        http.getResponse<FastifyReply>().header('WWW-Authenticate', challengeFor(error));
      }
      throw exception;
    }
  }
}

interface AccessRules {
  access: RouteAccess | undefined;
  roles: Role[];
  scopes: string[];
}

/** Throws unless this caller (possibly anonymous) may use a route with these rules. */
function authorize(principal: Principal | undefined, { access, roles, scopes }: AccessRules): void {
  if (!principal) {
    if (access === 'optional' && roles.length === 0) return;
    throw new AuthError(AuthErrorCode.TokenMissing, 'authentication token is missing');
  }
  if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
    throw new AuthError(AuthErrorCode.Forbidden, `requires one of the roles: ${roles.join(', ')}`);
  }
  // Only an API key is narrowed to its scopes; an access token acts with its user's full rights.
  const missing =
    principal.via === 'api-key' ? scopes.filter((scope) => !principal.scopes?.includes(scope)) : [];
  if (missing.length > 0) {
    throw new AuthError(
      AuthErrorCode.InsufficientScope,
      `this API key lacks the scopes: ${missing.join(', ')}`,
    );
  }
}
