import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { PrincipalDto } from './principal.dto';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller({ path: 'api/auth/v1/principal', version: VERSION_NEUTRAL })
export class PrincipalController {
  @Get()
  @ApiOperation({
    summary: 'Who the presented access token says the caller is',
    description:
      'Answered from the verified token alone, exactly as any other service would see it.',
  })
  @ApiOkResponse({ type: PrincipalDto })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token' })
  current(@CurrentUser() principal: Principal): PrincipalDto {
    return PrincipalDto.of(principal);
  }
}
