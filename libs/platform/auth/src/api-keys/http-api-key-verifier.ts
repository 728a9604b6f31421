import { AuthError, AuthErrorCode } from '../auth-error';
import type { Principal } from '../principal';
import { ApiKeyVerifier } from './api-key-verifier';
import {
  API_KEY_VERIFICATION_PATH,
  apiKeyVerificationResponse,
  type ApiKeyVerificationRequest,
} from './verification-contract';

/** Asks auth-service's internal endpoint about each key; wrap it in a CachingApiKeyVerifier. */
export class HttpApiKeyVerifier extends ApiKeyVerifier {
  private readonly url: string;

  constructor(
    authInternalUrl: string,
    private readonly timeoutMs = 2_000,
  ) {
    super();
    this.url = new URL(API_KEY_VERIFICATION_PATH, authInternalUrl).toString();
  }

  async verify(key: string): Promise<Principal | null> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ key } satisfies ApiKeyVerificationRequest),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (response.status === 401) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`HTTP ${response.status}`);
      }
      const owner = apiKeyVerificationResponse.parse(await response.json());
      return { ...owner, via: 'api-key' };
    } catch (error) {
      throw new AuthError(AuthErrorCode.AuthUnavailable, 'API keys cannot be verified right now', {
        cause: error,
      });
    }
  }
}
