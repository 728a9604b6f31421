import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import {
  ConflictError,
  DomainError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from './domain-errors';

/** Any failure, normalized: what every error mapper receives, whatever was thrown. */
export interface ApplicationError {
  status: number;
  code: string;
  message: string;
  fieldErrors: FieldError[];
}

const statusOfDomainError = new Map<abstract new (...args: never[]) => DomainError, number>([
  [ValidationError, 422],
  [NotFoundError, 404],
  [ConflictError, 409],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [RateLimitedError, 429],
]);

// Codes whose reason phrase does not say it best; the rest are the snake-cased phrase.
const codeOfStatus: Record<number, string> = {
  422: 'validation_failed',
  429: 'rate_limited',
  500: 'internal_error',
};

// Nest wraps body-parser failures; their `type` tells a malformed body from an oversized one.
const bodyParserFailures = new Map<unknown, Omit<ApplicationError, 'fieldErrors'>>([
  [
    'entity.parse.failed',
    { status: 400, code: 'malformed_json', message: 'The request body is not valid JSON' },
  ],
  [
    'entity.too.large',
    {
      status: 413,
      code: 'payload_too_large',
      message: 'The request body is larger than this API accepts',
    },
  ],
]);

export function toApplicationError(exception: unknown): ApplicationError {
  if (exception instanceof DomainError) {
    const status = [...statusOfDomainError].find(([kind]) => exception instanceof kind)?.[1];
    if (status !== undefined) {
      return {
        status,
        code: exception.code,
        message: exception.message,
        fieldErrors: exception.fieldErrors,
      };
    }
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return internalError(500);
}

function fromHttpException(exception: HttpException): ApplicationError {
  const status = exception.getStatus();
  if (status >= 500) return internalError(status);

  const bodyFailure = bodyParserFailures.get(
    (exception.cause as { type?: unknown } | undefined)?.type,
  );
  if (bodyFailure) return { ...bodyFailure, fieldErrors: [] };

  // A Nest exception may name its own code: `new UnauthorizedException({ code: 'token_expired', message })`.
  const response = exception.getResponse();
  const ownCode =
    typeof response === 'object' && 'code' in response && typeof response.code === 'string';
  return {
    status,
    code: ownCode ? String(response.code) : codeOf(status),
    message: exception.message,
    fieldErrors: [],
  };
}

/** The client learns that something failed, never what: the cause is logged with the request id. */
function internalError(status: number): ApplicationError {
  return {
    status,
    code: codeOf(status),
    message: 'The server failed to handle this request. Quote the request id if you report it.',
    fieldErrors: [],
  };
}

function codeOf(status: number): string {
  return (
    codeOfStatus[status] ?? (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_')
  );
}
