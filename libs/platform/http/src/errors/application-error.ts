import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import {
  ConflictError,
  DomainError,
  type FieldError,
  ForbiddenError,
  GoneError,
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
  /** Seconds a refused caller should wait, sent as `Retry-After` whatever the API's error format. */
  retryAfterSeconds?: number;
}

const statusOfDomainError = new Map<abstract new (...args: never[]) => DomainError, number>([
  [ValidationError, 422],
  [NotFoundError, 404],
  [GoneError, 410],
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

const malformedJson = {
  status: 400,
  code: 'malformed_json',
  message: 'The request body is not valid JSON',
};

// What Fastify's body parsing rejects, by its error code; Nest passes it on as the HttpException's cause.
const bodyFailures = new Map<unknown, Omit<ApplicationError, 'fieldErrors'>>([
  ['FST_ERR_CTP_EMPTY_JSON_BODY', malformedJson],
  ['FST_ERR_CTP_INVALID_JSON_BODY', malformedJson],
  [
    'FST_ERR_CTP_BODY_TOO_LARGE',
    {
      status: 413,
      code: 'payload_too_large',
      message: 'The request body is larger than this API accepts',
    },
  ],
  [
    'FST_REQ_FILE_TOO_LARGE',
    {
      status: 413,
      code: 'payload_too_large',
      message: 'The uploaded file is larger than this API accepts',
    },
  ],
  [
    'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    {
      status: 415,
      code: 'unsupported_media_type',
      message: 'This API does not accept request bodies of this content type',
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
        ...(exception instanceof RateLimitedError && exception.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: exception.retryAfterSeconds }
          : {}),
      };
    }
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  // Thrown inside a handler (a multipart stream over its limit), not by Fastify before it.
  if (isClientFastifyError(exception)) return fromFastifyError(exception);
  return internalError(500);
}

function fromHttpException(exception: HttpException): ApplicationError {
  const status = exception.getStatus();
  if (status >= 500) return internalError(status);

  if (isClientFastifyError(exception.cause)) return fromFastifyError(exception.cause);

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

interface FastifyError extends Error {
  code: string;
  statusCode: number;
}

function isClientFastifyError(error: unknown): error is FastifyError {
  return (
    error instanceof Error &&
    error.name === 'FastifyError' &&
    typeof (error as Partial<FastifyError>).statusCode === 'number' &&
    (error as FastifyError).statusCode < 500
  );
}

/** Fastify's messages name no internals, but those we map say it in the API's own words. */
function fromFastifyError(error: FastifyError): ApplicationError {
  const known = bodyFailures.get(error.code);
  return known
    ? { ...known, fieldErrors: [] }
    : {
        status: error.statusCode,
        code: codeOf(error.statusCode),
        message: error.message,
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
