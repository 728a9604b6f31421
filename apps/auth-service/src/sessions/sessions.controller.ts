import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, type Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import { UnauthorizedError } from '@capstone/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Environment } from '../config/environment';
import { RateLimit } from '../protection/rate-limit';
import { Client, type ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { Login } from './login';
import { LoginDto } from './login.dto';
import { MySessions } from './my-sessions';
import { clearRefreshCookie, presentedRefreshToken, setRefreshCookie } from './refresh-cookie';
import { RefreshDto } from './refresh.dto';
import { SessionDto } from './session.dto';
import { SessionTokensDto } from './session-tokens.dto';
import { TokenRefresh } from './token-refresh';

@ApiTags('sessions')
@Controller({ path: 'api/auth/v1/sessions', version: VERSION_NEUTRAL })
export class SessionsController {
  private readonly appOrigin: string;

  constructor(
    private readonly login: Login,
    private readonly refresher: TokenRefresh,
    private readonly mySessions: MySessions,
    private readonly clock: Clock,
    config: AppConfig<Environment>,
  ) {
    this.appOrigin = new URL(config.get('PUBLIC_APP_URL')).origin;
  }

  @Public()
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('login', 'email')
  @ApiOperation({
    summary: 'Log in: opens a session and returns its tokens',
    description: 'The refresh token is also set as an HttpOnly cookie scoped to the refresh path.',
  })
  @ApiCreatedResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({
    description: '`invalid_credentials`, for an unknown email and a wrong password alike',
  })
  @ApiForbiddenResponse({ description: '`account_disabled`' })
  async create(
    @Body() credentials: LoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SessionTokensDto> {
    const { user, tokens } = await this.login.login(credentials, client);
    setRefreshCookie(response, tokens.refreshToken, tokens.refreshTokenExpiresAt);
    return SessionTokensDto.of(user, tokens, this.clock.now());
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @RateLimit('refresh')
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'Each refresh token works once; presenting a spent one ends its whole session.',
  })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({
    description: '`session_ended`: unknown, expired, revoked or replayed token',
  })
  @ApiForbiddenResponse({ description: '`origin_not_allowed`: the cookie came from another site' })
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SessionTokensDto> {
    const token = presentedRefreshToken(request, body.refreshToken, this.appOrigin);
    if (!token)
      throw new UnauthorizedError('No refresh token was sent', { code: 'refresh_token_missing' });
    const { user, tokens } = await this.refresher.refresh(token, client);
    setRefreshCookie(response, tokens.refreshToken, tokens.refreshTokenExpiresAt);
    return SessionTokensDto.of(user, tokens, this.clock.now());
  }

  @ApiBearerAuth()
  @Get()
  @ApiOperation({ summary: 'My open sessions, most recently used first' })
  @ApiOkResponse({ type: [SessionDto] })
  async list(@CurrentUser() principal: Principal): Promise<SessionDto[]> {
    const sessions = await this.mySessions.list(principal.userId);
    return sessions.map((session) => SessionDto.of(session, principal.sessionId));
  }

  @ApiBearerAuth()
  @Delete('current')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Log out: end the session of this access token' })
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() principal: Principal,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    if (principal.sessionId)
      await this.mySessions.logout(principal.userId, principal.sessionId, client);
    clearRefreshCookie(response);
  }

  @ApiBearerAuth()
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Log out everywhere: end every session of mine' })
  @ApiNoContentResponse()
  async logoutEverywhere(
    @CurrentUser() principal: Principal,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.mySessions.logoutEverywhere(principal.userId, client);
    clearRefreshCookie(response);
  }

  @ApiBearerAuth()
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End one of my sessions (a lost device)' })
  @ApiNoContentResponse()
  async revoke(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.mySessions.revoke(principal.userId, sessionId, client);
  }
}
