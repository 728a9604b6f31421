import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CurrentUser, OptionalAuth, type Principal } from '@capstone/platform/auth';
import { Profiles } from './profiles';
import { ProfileResponse } from './realworld-profile.dto';

class UsernameParams {
  @ApiProperty({ example: 'jake' })
  @IsString()
  @MaxLength(64)
  username!: string;
}

@ApiTags('RealWorld')
@ApiSecurity('token')
@Controller({ path: 'api/profiles/:username', version: VERSION_NEUTRAL })
export class RealWorldProfilesController {
  constructor(private readonly profiles: Profiles) {}

  @OptionalAuth()
  @Get()
  @ApiOperation({ summary: 'A profile, with whether the caller follows it' })
  @ApiOkResponse({ type: ProfileResponse })
  async read(
    @Param() { username }: UsernameParams,
    @CurrentUser() reader?: Principal,
  ): Promise<ProfileResponse> {
    return ProfileResponse.of(await this.profiles.view(username, reader));
  }

  @Post('follow')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Follow a user (again is a no-op)' })
  @ApiOkResponse({ type: ProfileResponse })
  async follow(
    @Param() { username }: UsernameParams,
    @CurrentUser() reader: Principal,
  ): Promise<ProfileResponse> {
    return ProfileResponse.of(await this.profiles.follow(username, reader));
  }

  @Delete('follow')
  @ApiOperation({ summary: 'Stop following a user' })
  @ApiOkResponse({ type: ProfileResponse })
  async unfollow(
    @Param() { username }: UsernameParams,
    @CurrentUser() reader: Principal,
  ): Promise<ProfileResponse> {
    return ProfileResponse.of(await this.profiles.unfollow(username, reader));
  }
}
