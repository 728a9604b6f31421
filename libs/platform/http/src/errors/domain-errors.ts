/** One input field at fault: the dotted path, a human message, and a stable code a client can act on. */
export interface FieldError {
  field: string;
  message: string;
  code: string;
}

export interface DomainErrorOptions {
  /** A more specific stable code than the class default, e.g. `token_expired`. */
  code?: string;
  fieldErrors?: FieldError[];
}

/**
 * What business code throws when a request cannot be served. These classes know nothing of
 * HTTP: the error format of each API decides the status and the body.
 */
export abstract class DomainError extends Error {
  readonly code: string;
  readonly fieldErrors: FieldError[];

  protected constructor(message: string, defaultCode: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    this.code = options.code ?? defaultCode;
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

export class ValidationError extends DomainError {
  constructor(
    fieldErrors: FieldError[],
    message = 'One or more fields are invalid',
    options: Pick<DomainErrorOptions, 'code'> = {},
  ) {
    super(message, 'validation_failed', { ...options, fieldErrors });
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, 'not_found', options);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, 'conflict', options);
  }
}

/** What was here is gone for good: an expired or used-up link, say (HTTP 410). */
export class GoneError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, 'gone', options);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Authentication is required', options?: DomainErrorOptions) {
    super(message, 'unauthorized', options);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this', options?: DomainErrorOptions) {
    super(message, 'forbidden', options);
  }
}

export class RateLimitedError extends DomainError {
  /** Whole seconds until the caller may try again (at least 1), answered as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  constructor(
    message = 'Too many requests; try again later',
    options: DomainErrorOptions & { retryAfterMs?: number } = {},
  ) {
    super(message, 'rate_limited', options);
    if (options.retryAfterMs !== undefined)
      this.retryAfterSeconds = Math.max(1, Math.ceil(options.retryAfterMs / 1000));
  }
}
