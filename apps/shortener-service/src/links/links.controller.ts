import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, RequireScopes, Roles, type Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { RateLimit } from '../protection/rate-limit';
import { LinkCatalog } from './link-catalog';
import { LINKS_READ, LINKS_WRITE } from './link-scopes';
import {
  BlockLinkDto,
  ChangeLinkDto,
  CreateLinkDto,
  LinkIdParams,
  LinkListQueryDto,
  LinkPageResponse,
  LinkResponse,
} from './link.dto';

@ApiTags('Links')
@ApiBearerAuth()
@Controller({ path: 'api/shortener/v1/links', version: VERSION_NEUTRAL })
export class LinksController {
  private readonly base: string;

  constructor(
    private readonly catalog: LinkCatalog,
    config: AppConfig<Environment>,
  ) {
    this.base = config.get('SHORT_LINK_BASE_URL');
  }

  @RequireScopes(LINKS_WRITE)
  @RateLimit('link-create')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Shorten a URL, with a random code or a custom slug' })
  @ApiCreatedResponse({ type: LinkResponse })
  async create(
    @Body() body: CreateLinkDto,
    @CurrentUser() owner: Principal,
  ): Promise<LinkResponse> {
    return LinkResponse.of(await this.catalog.create(owner, body), this.base);
  }

  @RequireScopes(LINKS_READ)
  @Get()
  @ApiOperation({ summary: 'Your links, newest first' })
  @ApiOkResponse({ type: LinkPageResponse })
  async list(
    @Query() query: LinkListQueryDto,
    @CurrentUser() owner: Principal,
  ): Promise<LinkPageResponse> {
    const page = await this.catalog.list(owner, query);
    return {
      items: page.items.map((link) => LinkResponse.of(link, this.base)),
      nextCursor: page.nextCursor,
    };
  }

  @RequireScopes(LINKS_READ)
  @Get(':id')
  @ApiOperation({ summary: 'One of your links' })
  @ApiOkResponse({ type: LinkResponse })
  async read(
    @Param() { id }: LinkIdParams,
    @CurrentUser() caller: Principal,
  ): Promise<LinkResponse> {
    return LinkResponse.of(await this.catalog.get(caller, id), this.base);
  }

  @RequireScopes(LINKS_WRITE)
  @Patch(':id')
  @ApiOperation({ summary: 'Change a link; visitors see the change at once, on every instance' })
  @ApiOkResponse({ type: LinkResponse })
  async change(
    @Param() { id }: LinkIdParams,
    @Body() body: ChangeLinkDto,
    @CurrentUser() caller: Principal,
  ): Promise<LinkResponse> {
    return LinkResponse.of(await this.catalog.change(caller, id, body), this.base);
  }

  @RequireScopes(LINKS_WRITE)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a link with its statistics' })
  @ApiNoContentResponse()
  async remove(@Param() { id }: LinkIdParams, @CurrentUser() caller: Principal): Promise<void> {
    await this.catalog.remove(caller, id);
  }

  @Roles('admin')
  @RequireScopes(LINKS_WRITE)
  @Post(':id/block')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Administrators: block or unblock anyone's link" })
  @ApiOkResponse({ type: LinkResponse })
  async block(
    @Param() { id }: LinkIdParams,
    @Body() { blocked }: BlockLinkDto,
  ): Promise<LinkResponse> {
    return LinkResponse.of(await this.catalog.block(id, blocked), this.base);
  }
}
