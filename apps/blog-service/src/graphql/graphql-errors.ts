import { Logger } from '@nestjs/common';
import { AuthError, httpExceptionFor } from '@capstone/platform/auth';
import { toApplicationError, type ApplicationError } from '@capstone/platform/http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { STATUS_CODES } from 'node:http';

/** The `extensions.code` values this API answers with; clients branch on these, never on messages. */
export const GraphqlErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  BadRequest: 'BAD_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  ParseFailed: 'GRAPHQL_PARSE_FAILED',
  ValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
  QueryTooDeep: 'QUERY_TOO_DEEP',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

// Statuses the platform's error normalizer gives, by the code a GraphQL client expects for them.
const codeOfStatus: Record<number, string> = {
  401: GraphqlErrorCode.Unauthenticated,
  403: GraphqlErrorCode.Forbidden,
  404: GraphqlErrorCode.NotFound,
  409: GraphqlErrorCode.Conflict,
  422: GraphqlErrorCode.BadUserInput,
  429: GraphqlErrorCode.RateLimited,
  503: GraphqlErrorCode.ServiceUnavailable,
};

// What Mercurius wraps every refused document in (syntax, validation, depth, the HTTP request's shape).
const REQUEST_REFUSED = 'MER_ERR_GQL_VALIDATION';
const TOO_DEEP = 'MER_ERR_GQL_QUERY_DEPTH';
// graphql-js's wording for variables whose values do not fit their declared types.
const BAD_VARIABLE = /^Variable "\$\w+" (got invalid value|of required type|of non-null type)/;

const logger = new Logger('GraphQL');

type FailedExecution = ExecutionResult & { errors: readonly GraphQLError[] };

/**
 * Mercurius's errorFormatter, the one place a GraphQL failure is answered (HTTP and WebSocket):
 * domain and auth errors through the same normalizer as HTTP's error filter, each with a stable
 * `extensions.code`, the platform's own `extensions.reason`, the fields at fault, and never a
 * stack or a server fault's message (which is logged instead).
 */
export function formatGraphqlErrors(execution: FailedExecution): {
  statusCode: number;
  response: ExecutionResult;
} {
  const errors = execution.errors.flatMap((error) => {
    const nested = (error.originalError as { code?: unknown; errors?: unknown } | undefined) ?? {};
    return nested.code === REQUEST_REFUSED && Array.isArray(nested.errors)
      ? nested.errors.map((refusal: unknown) => refusalOf(refusal, error))
      : [failureOf(error)];
  });
  return { statusCode: statusOf(execution), response: { data: execution.data ?? null, errors } };
}

/** Why a document was refused before anything ran: all of them the client's to fix. */
function refusalOf(refusal: unknown, wrapper: GraphQLError): GraphQLError {
  if (refusal instanceof GraphQLError) {
    if (typeof refusal.extensions.code === 'string') return refusal;
    return located(refusal, refusal.message, { code: codeOfRefusal(refusal) });
  }
  const { code, message } = refusal as { code?: unknown; message?: unknown };
  return new GraphQLError(String(message ?? wrapper.message).replace(/`/g, ''), {
    extensions: {
      code: code === TOO_DEEP ? GraphqlErrorCode.QueryTooDeep : GraphqlErrorCode.BadRequest,
    },
  });
}

function codeOfRefusal(refusal: GraphQLError): string {
  if (refusal.message.startsWith('Syntax Error')) return GraphqlErrorCode.ParseFailed;
  if (BAD_VARIABLE.test(refusal.message)) return GraphqlErrorCode.BadUserInput;
  return GraphqlErrorCode.ValidationFailed;
}

/** A resolver's failure, or the HTTP request's (a body that is not JSON, a method not allowed). */
function failureOf(error: GraphQLError): GraphQLError {
  const answer = graphqlErrorOf(error.originalError ?? error);
  return located(error, answer.message, answer.extensions);
}

/**
 * Any thrown value as the GraphQL error a client sees: what the platform's normalizer makes of
 * it (AuthErrors by their HTTP form), coded; server faults logged, never shown. An error that
 * already has a code is kept, so mapping twice changes nothing.
 */
export function graphqlErrorOf(cause: unknown): GraphQLError {
  if (cause instanceof GraphQLError && typeof cause.extensions.code === 'string') return cause;
  const failure = toApplicationError(cause instanceof AuthError ? httpExceptionFor(cause) : cause);
  if (failure.status >= 500 && failure.status !== 503) {
    logger.error({ err: cause }, 'a GraphQL operation failed');
  }
  return new GraphQLError(failure.message, { extensions: extensionsOf(failure) });
}

function extensionsOf(failure: ApplicationError): Record<string, unknown> {
  return {
    code: codeOfStatus[failure.status] ?? codeOfOtherStatus(failure.status),
    reason: failure.code,
    ...(failure.fieldErrors.length > 0 ? { fields: failure.fieldErrors } : {}),
  };
}

function codeOfOtherStatus(status: number): string {
  if (status >= 500) return GraphqlErrorCode.Internal;
  // 405, 413, 415...: the reason phrase, as the other codes read.
  return (STATUS_CODES[status] ?? 'Bad Request').toUpperCase().replace(/[^A-Z]+/g, '_');
}

/** A new error where `error` was in the document (only the located error knows), with nothing else of it. */
function located(
  error: GraphQLError,
  message: string,
  extensions: GraphQLError['extensions'],
): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

/**
 * GraphQL over HTTP: an operation that ran answers 200 whatever failed inside it; a request
 * refused before it ran keeps the 4xx Mercurius gave it.
 */
function statusOf(execution: FailedExecution): number {
  if (execution.data) return 200;
  const refused = execution.errors
    .map((error) => (error.originalError as { statusCode?: unknown } | undefined)?.statusCode)
    .find((status): status is number => typeof status === 'number');
  return refused ?? 200;
}
