import { Body, Controller, HttpCode, Post, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import {
  API_KEY_VERIFICATION_PATH,
  Public,
  type ApiKeyVerificationResponse,
} from '@capstone/platform/auth';
import { UnauthorizedError } from '@capstone/platform/http';
import { ApiKeyVerification } from './api-key-verification.service';
import { ApiKeyOwnerResponse, VerifyApiKeyDto } from './verify-api-key.dto';

/**
 * Internal: other services' AuthGuard calls it through HttpApiKeyVerifier. No user token is
 * involved, so the route is public to the app; the network keeps it internal (the gateway never
 * routes `/internal/`, and Kubernetes only reaches it inside the namespace).
 */
@ApiTags('internal')
@Controller({ path: API_KEY_VERIFICATION_PATH, version: VERSION_NEUTRAL })
export class ApiKeyVerificationController {
  constructor(private readonly verification: ApiKeyVerification) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyOwnerResponse })
  @ApiUnauthorizedResponse({ description: '`api_key_invalid`: unknown, expired or revoked' })
  async verify(@Body() body: VerifyApiKeyDto): Promise<ApiKeyVerificationResponse> {
    const owner = await this.verification.verify(body.key);
    if (!owner) {
      throw new UnauthorizedError('API key is unknown, expired or revoked', {
        code: 'api_key_invalid',
      });
    }
    return owner;
  }
}
