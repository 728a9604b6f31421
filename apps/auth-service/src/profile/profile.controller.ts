import { Body, Controller, Get, Patch, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { AccountDto } from '../accounts/account.dto';
import { Client, type ClientContext } from '../shared/client-context';
import { ProfileUpdate } from './profile-update';
import { UpdateProfileDto } from './update-profile.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller({ path: 'api/auth/v1/account', version: VERSION_NEUTRAL })
export class ProfileController {
  constructor(private readonly profiles: ProfileUpdate) {}

  @Get()
  @ApiOperation({ summary: 'My account' })
  @ApiOkResponse({ type: AccountDto })
  async read(@CurrentUser() principal: Principal): Promise<AccountDto> {
    return AccountDto.of(await this.profiles.read(principal.userId));
  }

  @Patch()
  @ApiOperation({
    summary: 'Change my username, bio or image; other services hear of it on `auth.users`',
  })
  @ApiOkResponse({ type: AccountDto })
  @ApiConflictResponse({ description: '`already_taken`, for the username' })
  async update(
    @CurrentUser() principal: Principal,
    @Body() changes: UpdateProfileDto,
    @Client() client: ClientContext,
  ): Promise<AccountDto> {
    return AccountDto.of(await this.profiles.update(principal.userId, changes, client));
  }
}
