import { STATUS_CODES } from 'node:http';
import type { ApplicationError } from './application-error';

export interface FailedRequest {
  /** The request path, without its query string (which may hold tokens). */
  path: string;
  requestId?: string;
}

export interface ErrorResponse {
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * Writes the body an API's clients expect for a failure. The default speaks RFC 9457; an API
 * with another contract (the RealWorld one) registers its own mapper for its path prefix.
 */
export type ErrorMapper = (error: ApplicationError, request: FailedRequest) => ErrorResponse;

/** RFC 9457 problem details, with the stable `code` and per-field `errors` as extension members. */
export const problemDetails: ErrorMapper = (error, request) => ({
  status: error.status,
  contentType: 'application/problem+json',
  body: {
    // Problems are told apart by `code`; about:blank (RFC 9457 §4.2.1) until they have pages of their own.
    type: 'about:blank',
    title: STATUS_CODES[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    instance: request.path,
    code: error.code,
    requestId: request.requestId,
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {}),
  },
});
