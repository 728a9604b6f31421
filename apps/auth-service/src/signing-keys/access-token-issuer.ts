import { Injectable } from '@nestjs/common';
import { accessTokenClaims, type AccessTokenClaims } from '@capstone/platform/auth';
import { SignJWT } from 'jose';
import { Clock, secondsAfter } from '../shared/clock';
import { AccessTokenSettings } from './access-token-settings';
import { SIGNING_ALGORITHM } from './signing-key';
import { SigningKeyRing } from './signing-key-ring';

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs access tokens with exactly the claims every service's verifier requires. */
@Injectable()
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeyRing,
    private readonly settings: AccessTokenSettings,
    private readonly clock: Clock,
  ) {}

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const { kid, privateKey } = await this.keys.signer();
    const issuedAt = this.clock.now();
    const expiresAt = secondsAfter(issuedAt, this.settings.lifetimeSeconds);
    const token = await new SignJWT(accessTokenClaims.parse(claims))
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
    return { token, expiresAt };
  }
}
