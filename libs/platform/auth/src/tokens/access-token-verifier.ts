import { errors, jwtVerify, type CryptoKey, type JWTHeaderParameters } from 'jose';
import { AuthError, AuthErrorCode } from '../auth-error';
import { ExpiringMemo } from '../expiring-memo';
import type { Principal } from '../principal';
import { accessTokenClaims } from './access-token-claims';
import type { VerificationKeys } from './verification-keys';

export interface AccessTokenVerifierOptions {
  keys: VerificationKeys;
  issuer: string;
  audience: string;
  /** Tolerated difference between auth-service's clock and ours when checking `exp` and `nbf`. */
  clockSkewSeconds?: number;
  /** How many verified tokens to remember (0 turns the memo off). */
  memoSize?: number;
  /** How long a verified token is remembered at most (never longer than a minute). */
  memoTtlMs?: number;
}

// A client sends the same token for its whole life, so one verification can serve many requests.
// The memo is keyed by the full token (signature included) and never outlives the token, nor a
// minute: a key withdrawn from the JWKS stops being honoured within that minute.
const MAX_MEMO_TTL_MS = 60_000;

// A claim check that failed has its own code; any other problem with the claims is just invalid.
const failedClaimChecks: Partial<Record<string, [AuthErrorCode, string]>> = {
  iss: [AuthErrorCode.TokenWrongIssuer, 'token was issued by an untrusted issuer'],
  aud: [AuthErrorCode.TokenWrongAudience, 'token is meant for another audience'],
  nbf: [AuthErrorCode.TokenNotYetValid, 'token is not valid yet'],
};

/** Verifies an access token locally: signature against the JWKS, then issuer, audience, time and claims. */
export class AccessTokenVerifier {
  private readonly memo: ExpiringMemo<Principal>;
  private readonly memoTtlMs: number;

  constructor(private readonly options: AccessTokenVerifierOptions) {
    this.memo = new ExpiringMemo(options.memoSize ?? 10_000);
    this.memoTtlMs = Math.min(options.memoTtlMs ?? MAX_MEMO_TTL_MS, MAX_MEMO_TTL_MS);
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.memo.get(token);
    if (remembered) return remembered;
    const { principal, expiresAt } = await this.verifySignatureAndClaims(token);
    this.memo.remember(token, principal, Math.min(expiresAt, Date.now() + this.memoTtlMs));
    return principal;
  }

  private async verifySignatureAndClaims(
    token: string,
  ): Promise<{ principal: Principal; expiresAt: number }> {
    const { keys, issuer, audience, clockSkewSeconds = 30 } = this.options;
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        algorithms: [...keys.algorithms],
        issuer,
        audience,
        clockTolerance: clockSkewSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw rejectionFor(error);
    }
    const claims = accessTokenClaims.safeParse(payload);
    if (!claims.success) {
      const fields = claims.error.issues.map((issue) => issue.path.join('.')).join(', ');
      throw new AuthError(
        AuthErrorCode.TokenInvalid,
        `token claims are missing or malformed: ${fields}`,
      );
    }
    const { sub, sid, username, roles, email_verified, profile_version } = claims.data;
    return {
      principal: {
        userId: sub,
        sessionId: sid,
        username,
        roles,
        emailVerified: email_verified,
        profileVersion: profile_version,
        via: 'token',
      },
      // jose has already required `exp` and checked it.
      expiresAt: (payload as { exp: number }).exp * 1000,
    };
  }

  private async keyFor(header: JWTHeaderParameters): Promise<CryptoKey> {
    if (typeof header.kid !== 'string') {
      throw new AuthError(AuthErrorCode.TokenInvalid, 'token header has no key id (kid)');
    }
    return this.options.keys.keyFor(header.kid, header.alg);
  }
}

function rejectionFor(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const [code, message] = classify(error);
  return new AuthError(code, message, { cause: error });
}

function classify(error: unknown): [AuthErrorCode, string] {
  if (error instanceof errors.JWTExpired) return [AuthErrorCode.TokenExpired, 'token has expired'];
  if (error instanceof errors.JWTClaimValidationFailed) {
    const failedCheck =
      error.reason === 'check_failed' ? failedClaimChecks[error.claim] : undefined;
    return failedCheck ?? [AuthErrorCode.TokenInvalid, error.message];
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return [AuthErrorCode.TokenUnsupportedAlgorithm, 'token algorithm is not accepted'];
  }
  return [AuthErrorCode.TokenInvalid, 'token is malformed or its signature does not verify'];
}
