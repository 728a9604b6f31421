import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { BulkController } from './bulk.controller';
import { LinkExport } from './link-export';
import { LinkImport } from './link-import';

@Module({
  imports: [LinksModule],
  providers: [LinkImport, LinkExport],
  controllers: [BulkController],
})
export class BulkModule {}
