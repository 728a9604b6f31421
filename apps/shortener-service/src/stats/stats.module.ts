import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { ClickExport } from './click-export';
import { LinkStats } from './link-stats';
import { StatsController } from './stats.controller';

@Module({
  imports: [LinksModule],
  providers: [LinkStats, ClickExport],
  controllers: [StatsController],
})
export class StatsModule {}
