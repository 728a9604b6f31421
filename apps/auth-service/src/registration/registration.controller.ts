import { Body, Controller, HttpCode, HttpStatus, Post, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '@capstone/platform/auth';
import { RateLimit } from '../protection/rate-limit';
import { Client, type ClientContext } from '../shared/client-context';
import { RegisterDto, RegistrationAcceptedDto } from './register.dto';
import { Registration } from './registration';

@ApiTags('accounts')
@Controller({ path: 'api/auth/v1/accounts', version: VERSION_NEUTRAL })
export class RegistrationController {
  constructor(private readonly registration: Registration) {}

  @Public()
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit('register', 'email')
  @ApiOperation({
    summary: 'Register an account',
    description:
      'A new email and an already registered one get the same 202 (the owner of the latter is emailed a password-reset link), so registration does not reveal who has an account. Usernames are public: a taken one is a 409.',
  })
  @ApiAcceptedResponse({ type: RegistrationAcceptedDto })
  @ApiConflictResponse({ description: '`already_taken`, for the username' })
  @ApiUnprocessableEntityResponse({
    description:
      'Invalid fields; a password too short, too long, too common, or equal to the email or username',
  })
  async register(
    @Body() account: RegisterDto,
    @Client() client: ClientContext,
  ): Promise<RegistrationAcceptedDto> {
    await this.registration.registerPrivately(account, client);
    return { message: 'Check your inbox to confirm your email address, then log in.' };
  }
}
