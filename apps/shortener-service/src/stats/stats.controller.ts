import { Controller, Get, Param, Query, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequireScopes, type Principal } from '@capstone/platform/auth';
import type { FastifyReply } from 'fastify';
import { LinkCatalog } from '../links/link-catalog';
import { LINKS_READ } from '../links/link-scopes';
import { LinkIdParams } from '../links/link.dto';
import { ClickExport } from './click-export';
import { LinkStats } from './link-stats';
import { invalidRange } from './stats-errors';
import { statsRange } from './stats-range';
import { ClickExportQueryDto, LinkStatsResponse, StatsQueryDto } from './stats.dto';

/** A link's statistics, for its owner or an administrator; anyone else's link is "not found". */
@ApiTags('Statistics')
@ApiBearerAuth()
@RequireScopes(LINKS_READ)
@Controller({ path: 'api/shortener/v1/links', version: VERSION_NEUTRAL })
export class StatsController {
  constructor(
    private readonly catalog: LinkCatalog,
    private readonly stats: LinkStats,
    private readonly exports: ClickExport,
  ) {}

  @Get(':id/stats')
  @ApiOperation({
    summary: "A link's clicks over time, top referrers, browsers, OS and devices; bots apart",
  })
  @ApiOkResponse({ type: LinkStatsResponse })
  async read(
    @Param() { id }: LinkIdParams,
    @Query() query: StatsQueryDto,
    @CurrentUser() caller: Principal,
  ): Promise<LinkStatsResponse> {
    const range = statsRange(query.granularity, query);
    if ('problem' in range) throw invalidRange(range.problem, query.granularity);
    const link = await this.catalog.get(caller, id);
    const { total, bots, series, breakdowns } = await this.stats.of(link.id, range, query.top);
    return {
      granularity: range.granularity,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      total,
      bots,
      series: series.map(({ at, clicks }) => ({ at: at.toISOString(), clicks })),
      topReferrers: breakdowns.referrer,
      browsers: breakdowns.browser,
      os: breakdowns.os,
      devices: breakdowns.device,
    };
  }

  @Get(':id/clicks.csv')
  @ApiOperation({ summary: "A link's individual clicks as CSV, oldest first, bots flagged" })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'at,referrer_host,browser,os,device,bot — streamed; clicks are kept CLICK_RETENTION_DAYS',
    schema: { type: 'string' },
  })
  async exportClicks(
    @Param() { id }: LinkIdParams,
    @Query() query: ClickExportQueryDto,
    @CurrentUser() caller: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const link = await this.catalog.get(caller, id);
    reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${link.code}-clicks.csv"`)
      .send(this.exports.csv(link.id, query));
  }
}
