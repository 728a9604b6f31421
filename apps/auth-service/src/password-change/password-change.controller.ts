import { Body, Controller, HttpCode, HttpStatus, Post, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { RateLimit } from '../protection/rate-limit';
import { Client, type ClientContext } from '../shared/client-context';
import { ChangePasswordDto } from './change-password.dto';
import { PasswordChange } from './password-change';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller({ path: 'api/auth/v1/account/password', version: VERSION_NEUTRAL })
export class PasswordChangeController {
  constructor(private readonly passwordChange: PasswordChange) {}

  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  @RateLimit('password-change')
  @ApiOperation({ summary: 'Change my password; the current one is required' })
  @ApiNoContentResponse({ description: 'Changed; a notice is emailed to the account' })
  @ApiUnprocessableEntityResponse({
    description: '`currentPassword` is incorrect, or `newPassword` breaks the policy',
  })
  async change(
    @CurrentUser() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.passwordChange.change(
      {
        userId: principal.userId,
        sessionId: principal.sessionId,
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        endOtherSessions: body.endOtherSessions ?? false,
      },
      client,
    );
  }
}
