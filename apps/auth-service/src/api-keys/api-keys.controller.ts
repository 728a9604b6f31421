import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { Client, type ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller({ path: 'api/auth/v1/api-keys', version: VERSION_NEUTRAL })
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiCreatedResponse({
    type: CreatedApiKeyResponse,
    description: 'The key itself is shown only here',
  })
  async create(
    @CurrentUser() caller: Principal,
    @Body() body: CreateApiKeyDto,
    @Client() client: ClientContext,
  ): Promise<CreatedApiKeyResponse> {
    const { apiKey, key } = await this.apiKeys.create(caller.userId, body, client);
    return { ...ApiKeyResponse.of(apiKey, this.clock.now()), key };
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyResponse] })
  async list(@CurrentUser() caller: Principal): Promise<ApiKeyResponse[]> {
    const now = this.clock.now();
    return (await this.apiKeys.list(caller.userId)).map((apiKey) => ApiKeyResponse.of(apiKey, now));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; services stop accepting it within a minute' })
  revoke(
    @CurrentUser() caller: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    return this.apiKeys.revoke(caller.userId, id, client);
  }
}
