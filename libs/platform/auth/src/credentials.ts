import type { IncomingHttpHeaders } from 'node:http';
import { AuthError, AuthErrorCode } from './auth-error';

/** What a caller presented to prove who they are. */
export type Credentials =
  { kind: 'access-token'; token: string } | { kind: 'api-key'; key: string };

// `Token` is the RealWorld scheme; `Bearer` is RFC 6750. Schemes are case-insensitive (RFC 9110).
const schemes: Record<string, Credentials['kind']> = {
  bearer: 'access-token',
  token: 'access-token',
  apikey: 'api-key',
};

/**
 * Reads `Authorization: Bearer|Token <jwt>`, `Authorization: ApiKey <key>` or `X-Api-Key: <key>`.
 * Returns undefined when none is present; throws when what is present cannot be used.
 */
export function credentialsFrom(headers: IncomingHttpHeaders): Credentials | undefined {
  const authorization = headers.authorization?.trim();
  const apiKeyHeader = headers['x-api-key'];
  // Node joins a repeated custom header into one string, so anything else is absent.
  const apiKey = typeof apiKeyHeader === 'string' ? apiKeyHeader.trim() : undefined;
  if (authorization && apiKey) {
    throw new AuthError(
      AuthErrorCode.TokenInvalid,
      'send one credential: Authorization or X-Api-Key, not both',
    );
  }
  if (apiKey) return { kind: 'api-key', key: apiKey };
  if (!authorization) return undefined;

  const [scheme, value, ...rest] = authorization.split(/\s+/);
  const kind = schemes[scheme.toLowerCase()];
  if (!kind || !value || rest.length > 0) {
    throw new AuthError(
      AuthErrorCode.TokenInvalid,
      'Authorization must be "Bearer <token>", "Token <token>" or "ApiKey <key>"',
    );
  }
  return kind === 'access-token' ? { kind, token: value } : { kind, key: value };
}
