import { Body, Controller, HttpCode, HttpStatus, Post, Res, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@capstone/platform/auth';
import type { Response } from 'express';
import { RateLimit } from '../protection/rate-limit';
import { Client, type ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { Login } from './login';
import { LoginDto } from './login.dto';
import { setRefreshCookie } from './refresh-cookie';
import { SessionTokensDto } from './session-tokens.dto';

@ApiTags('sessions')
@Controller({ path: 'api/auth/v1/sessions', version: VERSION_NEUTRAL })
export class SessionsController {
  constructor(
    private readonly login: Login,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @RateLimit({
    name: 'login',
    perIp: { limit: 30, windowSeconds: 300 },
    perAccount: { limit: 10, windowSeconds: 900, field: 'email' },
    honourLoginLockout: true,
  })
  @ApiOperation({ summary: 'Log in: opens a session and returns its tokens' })
  @ApiCreatedResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({ description: '`invalid_credentials`, for an unknown email and a wrong password alike' })
  @ApiForbiddenResponse({ description: '`account_disabled`' })
  async create(
    @Body() credentials: LoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokensDto> {
    const { user, tokens } = await this.login.login(credentials, client);
    setRefreshCookie(response, tokens.refreshToken, tokens.refreshTokenExpiresAt);
    return SessionTokensDto.of(user, tokens, this.clock.now());
  }
}
