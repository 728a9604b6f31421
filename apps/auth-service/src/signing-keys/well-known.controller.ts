import { Controller, Get, Header, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@capstone/platform/auth';
import { AccessTokenSettings } from './access-token-settings';
import { SIGNING_ALGORITHM } from './signing-key';
import { SigningKeyRing } from './signing-key-ring';

/** Every claim an access token carries (see accessTokenClaims in @capstone/platform/auth). */
const CLAIMS_SUPPORTED = [
  'iss',
  'aud',
  'exp',
  'iat',
  'sub',
  'sid',
  'username',
  'roles',
  'email_verified',
];

/** Discovery documents other services and libraries read; unversioned, as their RFCs define them. */
@ApiTags('signing keys')
@Public()
@Controller({ path: '.well-known', version: VERSION_NEUTRAL })
export class WellKnownController {
  constructor(
    private readonly keys: SigningKeyRing,
    private readonly settings: AccessTokenSettings,
  ) {}

  @Get('jwks.json')
  // Shorter than the lead time of a rotation, so caches hold a new key before it signs.
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The public keys that verify access tokens (RFC 7517)' })
  @ApiOkResponse({
    schema: {
      example: {
        keys: [
          {
            kty: 'OKP',
            crv: 'Ed25519',
            x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
            kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
            alg: 'EdDSA',
            use: 'sig',
          },
        ],
      },
    },
  })
  async jwks(): Promise<{ keys: object[] }> {
    return { keys: await this.keys.publishedKeys() };
  }

  @Get('openid-configuration')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'Discovery metadata: the issuer, where its keys are and how tokens are signed',
    description:
      'auth-service issues access tokens through its own API, not OAuth flows, so only the entries that describe tokens and keys are given.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        issuer: 'http://127.0.0.1:3001',
        jwks_uri: 'http://127.0.0.1:3001/.well-known/jwks.json',
        id_token_signing_alg_values_supported: ['EdDSA'],
        subject_types_supported: ['public'],
        claims_supported: CLAIMS_SUPPORTED,
      },
    },
  })
  openIdConfiguration(): Record<string, unknown> {
    const issuer = this.settings.issuer.replace(/\/$/, '');
    return {
      issuer: this.settings.issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
      subject_types_supported: ['public'],
      claims_supported: CLAIMS_SUPPORTED,
    };
  }
}
