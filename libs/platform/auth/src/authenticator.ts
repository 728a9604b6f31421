import { AuthError, AuthErrorCode } from './auth-error';
import type { ApiKeyVerifier } from './api-keys/api-key-verifier';
import type { Credentials } from './credentials';
import { verificationOutcomes } from './metrics';
import type { Principal } from './principal';
import type { AccessTokenVerifier } from './tokens/access-token-verifier';

/**
 * Turns credentials into a Principal, whatever the transport: the HTTP guard uses it, and so can a
 * socket.io handshake or a job. Every outcome is counted by credential kind and result.
 */
export class Authenticator {
  constructor(
    private readonly accessTokens: AccessTokenVerifier,
    private readonly apiKeys?: ApiKeyVerifier,
  ) {}

  /** Resolves to the caller, or rejects with an AuthError carrying a stable code. */
  async authenticate(credentials: Credentials): Promise<Principal> {
    try {
      const principal =
        credentials.kind === 'access-token'
          ? await this.accessTokens.verify(credentials.token)
          : await this.verifyApiKey(credentials.key);
      verificationOutcomes.inc({ credential: credentials.kind, result: 'accepted' });
      return principal;
    } catch (error) {
      verificationOutcomes.inc({
        credential: credentials.kind,
        result: error instanceof AuthError ? error.code : 'error',
      });
      throw error;
    }
  }

  private async verifyApiKey(key: string): Promise<Principal> {
    if (!this.apiKeys) {
      throw new AuthError(AuthErrorCode.ApiKeyInvalid, 'this service does not accept API keys');
    }
    const principal = await this.apiKeys.verify(key);
    if (!principal) {
      throw new AuthError(AuthErrorCode.ApiKeyInvalid, 'API key is unknown, expired or revoked');
    }
    return principal;
  }
}
