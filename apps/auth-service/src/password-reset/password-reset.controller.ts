import { Body, Controller, HttpCode, HttpStatus, Post, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '@capstone/platform/auth';
import { RateLimit } from '../protection/rate-limit';
import { Client, type ClientContext } from '../shared/client-context';
import { PasswordReset } from './password-reset';
import { ResetConfirmationDto, ResetRequestDto } from './password-reset.dto';

@ApiTags('password reset')
@Public()
@Controller({ path: 'api/auth/v1/password-reset', version: VERSION_NEUTRAL })
export class PasswordResetController {
  constructor(private readonly passwordReset: PasswordReset) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit('reset-request', 'email')
  @ApiOperation({
    summary: 'Email a password-reset link (valid 30 minutes)',
    description: 'Always 202, whether or not the email has an account.',
  })
  @ApiAcceptedResponse({ description: 'If the email has an account, a link is on its way' })
  async request(
    @Body() { email }: ResetRequestDto,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.passwordReset.request(email, client);
  }

  @Post('confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RateLimit('reset-confirm')
  @ApiOperation({ summary: 'Set a new password with the token from the link; every session ends' })
  @ApiNoContentResponse({ description: 'Changed; log in with the new password' })
  @ApiUnprocessableEntityResponse({
    description: '`link_invalid`, or a password that breaks the policy',
  })
  async confirm(
    @Body() { token, password }: ResetConfirmationDto,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.passwordReset.reset(token, password, client);
  }
}
