import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Put,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Public, type Principal } from '@capstone/platform/auth';
import { alreadyTaken } from '../accounts/already-taken';
import { PasswordPolicy } from '../accounts/password-policy';
import { PasswordChange } from '../password-change/password-change';
import { ProfileUpdate } from '../profile/profile-update';
import { RateLimit } from '../protection/rate-limit';
import { Registration } from '../registration/registration';
import { Login } from '../sessions/login';
import { SessionStarter } from '../sessions/session-starter';
import { Client, type ClientContext } from '../shared/client-context';
import { PresentedToken } from './presented-token';
import {
  RealWorldLoginDto,
  RealWorldRegistrationDto,
  RealWorldUpdateDto,
  RealWorldUserResponse,
} from './realworld-user.dto';

/**
 * The RealWorld (Conduit) user endpoints: its shapes and words over the native use cases. Where
 * its contract differs from the native API, the difference is the contract's and is named here.
 */
@ApiTags('RealWorld')
@ApiSecurity('token')
@Controller({ path: 'api', version: VERSION_NEUTRAL })
export class RealWorldUsersController {
  constructor(
    private readonly registration: Registration,
    private readonly login: Login,
    private readonly sessions: SessionStarter,
    private readonly profiles: ProfileUpdate,
    private readonly passwords: PasswordChange,
  ) {}

  @Public()
  @Post('users/login')
  @HttpCode(HttpStatus.OK)
  @RateLimit('login', 'user.email')
  @ApiOperation({ summary: 'RealWorld login; `token` is an access token' })
  @ApiOkResponse({ type: RealWorldUserResponse })
  async logIn(
    @Body() { user: credentials }: RealWorldLoginDto,
    @Client() client: ClientContext,
  ): Promise<RealWorldUserResponse> {
    const { user, tokens } = await this.login.login(credentials, client);
    return RealWorldUserResponse.of(user, tokens.accessToken);
  }

  @Public()
  @Post('users')
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('register', 'user.email')
  @ApiOperation({
    summary: 'RealWorld registration, signed in at once',
    description:
      'Its contract answers a taken email with 409, which the native API does not; the rate limit bounds what that reveals. It also takes any password of 8 to 128 characters, common or not (ADR 0007).',
  })
  @ApiCreatedResponse({ type: RealWorldUserResponse })
  async register(
    @Body() { user: account }: RealWorldRegistrationDto,
    @Client() client: ClientContext,
  ): Promise<RealWorldUserResponse> {
    const outcome = await this.registration.register(account, client, PasswordPolicy.LengthOnly);
    if (outcome.kind === 'taken') throw alreadyTaken(outcome.fields);
    const tokens = await this.sessions.start(outcome.user, client);
    return RealWorldUserResponse.of(outcome.user, tokens.accessToken);
  }

  @Get('user')
  @ApiOperation({ summary: 'The current user' })
  @ApiOkResponse({ type: RealWorldUserResponse })
  async current(
    @CurrentUser() principal: Principal,
    @PresentedToken() token: string,
  ): Promise<RealWorldUserResponse> {
    return RealWorldUserResponse.of(await this.profiles.read(principal.userId), token);
  }

  @Put('user')
  @ApiOperation({
    summary: 'Update the current user',
    description:
      'Its contract changes the password without the current one, to any of 8 to 128 characters (ADR 0007); every other session then ends and the owner is emailed. The answer carries a fresh token with the new username.',
  })
  @ApiOkResponse({ type: RealWorldUserResponse })
  async update(
    @CurrentUser() principal: Principal,
    @Body() { user: changes }: RealWorldUpdateDto,
    @Client() client: ClientContext,
    @PresentedToken() token: string,
  ): Promise<RealWorldUserResponse> {
    const { password, ...profile } = changes;
    if (password !== undefined) {
      await this.passwords.change(
        {
          userId: principal.userId,
          sessionId: principal.sessionId,
          currentPassword: null,
          newPassword: password,
          endOtherSessions: true,
          passwordPolicy: PasswordPolicy.LengthOnly,
        },
        client,
      );
    }
    const user = await this.profiles.update(principal.userId, profile, client);
    const fresh = principal.sessionId && (await this.sessions.reissue(user, principal.sessionId));
    return RealWorldUserResponse.of(user, fresh ? fresh.token : token);
  }
}
