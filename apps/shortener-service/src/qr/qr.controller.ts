import { Controller, Get, Param, Query, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequireScopes, type Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import type { FastifyReply } from 'fastify';
import type { Environment } from '../config/environment';
import { LinkCatalog } from '../links/link-catalog';
import { LinkIdParams } from '../links/link.dto';
import { LINKS_READ } from '../links/link-scopes';
import { shortUrlOf } from '../links/short-url';
import { QR_CONTENT_TYPES, renderQrCode } from './qr-code';
import { QrQueryDto } from './qr.dto';

// A link's code never changes, so neither does its QR code: the owner's browser may keep it.
const CACHE_CONTROL = 'private, max-age=86400';

@ApiTags('Links')
@ApiBearerAuth()
@Controller({ path: 'api/shortener/v1/links', version: VERSION_NEUTRAL })
export class QrController {
  private readonly base: string;

  constructor(
    private readonly catalog: LinkCatalog,
    config: AppConfig<Environment>,
  ) {
    this.base = config.get('SHORT_LINK_BASE_URL');
  }

  @RequireScopes(LINKS_READ)
  @Get(':id/qr')
  @ApiOperation({ summary: 'A QR code of the short URL, as SVG or PNG' })
  @ApiProduces(QR_CONTENT_TYPES.svg, QR_CONTENT_TYPES.png)
  @ApiOkResponse({
    content: {
      [QR_CONTENT_TYPES.svg]: { schema: { type: 'string' } },
      [QR_CONTENT_TYPES.png]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async qr(
    @Param() { id }: LinkIdParams,
    @Query() { format, size }: QrQueryDto,
    @CurrentUser() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const link = await this.catalog.get(caller, id);
    const image = await renderQrCode(shortUrlOf(this.base, link.code), format, size);
    reply.type(QR_CONTENT_TYPES[format]).header('Cache-Control', CACHE_CONTROL);
    return image;
  }
}
