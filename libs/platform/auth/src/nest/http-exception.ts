import {
  ForbiddenException,
  ServiceUnavailableException,
  UnauthorizedException,
  type HttpException,
} from '@nestjs/common';
import { AuthError, AuthErrorCode } from '../auth-error';

/**
 * The HTTP form of an AuthError. The body carries the stable `code` for the error format
 * (problem+json, or RealWorld's `errors.token = ["is missing"]` for `token_missing`).
 */
export function httpExceptionFor(error: AuthError): HttpException {
  const body = { code: error.code, message: error.message };
  switch (error.code) {
    case AuthErrorCode.Forbidden:
    case AuthErrorCode.InsufficientScope:
      return new ForbiddenException(body, { cause: error });
    case AuthErrorCode.AuthUnavailable:
      return new ServiceUnavailableException(body, { cause: error });
    default:
      return new UnauthorizedException(body, { cause: error });
  }
}

/** RFC 9110 requires a challenge on every 401; RFC 6750 says what it contains. */
export function challengeFor(error: AuthError): string {
  return error.code === AuthErrorCode.TokenMissing ? 'Bearer' : 'Bearer error="invalid_token"';
}
