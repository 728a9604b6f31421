import { Body, Controller, Get, Put, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { MailPreferencesDto } from './dto/mail-preferences.dto';
import { MailPreferencesService } from './mail-preferences.service';

@ApiTags('preferences')
@ApiBearerAuth()
@Controller({ path: 'api/notifications/v1/preferences', version: VERSION_NEUTRAL })
export class MailPreferencesController {
  constructor(private readonly preferences: MailPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'My email preferences' })
  @ApiOkResponse({ type: MailPreferencesDto })
  async mine(@CurrentUser() user: Principal): Promise<MailPreferencesDto> {
    const { nonEssentialEmail } = await this.preferences.of(user.userId);
    return { nonEssentialEmail };
  }

  @Put()
  @ApiOperation({ summary: 'Opt in or out of non-essential email' })
  @ApiOkResponse({ type: MailPreferencesDto })
  async change(
    @CurrentUser() user: Principal,
    @Body() body: MailPreferencesDto,
  ): Promise<MailPreferencesDto> {
    const { nonEssentialEmail } = await this.preferences.change(
      user.userId,
      body.nonEssentialEmail,
    );
    return { nonEssentialEmail };
  }
}
