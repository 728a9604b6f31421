import { Body, Controller, HttpCode, HttpStatus, Post, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, type Principal } from '@capstone/platform/auth';
import { AccountDto } from '../accounts/account.dto';
import { LinkTokenDto } from '../action-tokens/link-token.dto';
import { RateLimit } from '../protection/rate-limit';
import { Client, type ClientContext } from '../shared/client-context';
import { EmailVerification } from './email-verification';

@ApiTags('email verification')
@Controller({ path: 'api/auth/v1/email-verification', version: VERSION_NEUTRAL })
export class EmailVerificationController {
  constructor(private readonly verification: EmailVerification) {}

  @ApiBearerAuth()
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit('verification-email')
  @ApiOperation({ summary: 'Email me a new verification link (valid 24 hours)' })
  @ApiAcceptedResponse({ description: 'Sent, unless the address is already verified' })
  async resend(@CurrentUser() principal: Principal): Promise<void> {
    await this.verification.resend(principal.userId);
  }

  @Public()
  @Post('confirm')
  @HttpCode(HttpStatus.OK)
  @RateLimit('verification-confirm')
  @ApiOperation({
    summary: 'Confirm an email address with the token from its link',
    description:
      'Access tokens issued afterwards (log in, or refresh) carry `email_verified: true`.',
  })
  @ApiOkResponse({ type: AccountDto })
  @ApiUnprocessableEntityResponse({
    description: '`link_invalid`: unknown, already used or expired',
  })
  async confirm(
    @Body() { token }: LinkTokenDto,
    @Client() client: ClientContext,
  ): Promise<AccountDto> {
    return AccountDto.of(await this.verification.verify(token, client));
  }
}
