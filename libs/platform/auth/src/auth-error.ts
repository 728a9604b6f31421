/** Stable codes a client (or an error mapper such as the RealWorld one) can act on. */
export enum AuthErrorCode {
  TokenMissing = 'token_missing',
  TokenInvalid = 'token_invalid',
  TokenExpired = 'token_expired',
  TokenNotYetValid = 'token_not_yet_valid',
  TokenWrongAudience = 'token_wrong_audience',
  TokenWrongIssuer = 'token_wrong_issuer',
  TokenUnsupportedAlgorithm = 'token_unsupported_algorithm',
  TokenUnknownKey = 'token_unknown_key',
  ApiKeyInvalid = 'api_key_invalid',
  AuthUnavailable = 'auth_unavailable',
  Forbidden = 'forbidden',
  InsufficientScope = 'insufficient_scope',
}

/** Why a caller was not let in. Transport-neutral: HTTP, socket.io and jobs each map it their way. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
