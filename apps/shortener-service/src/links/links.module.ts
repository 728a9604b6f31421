import { Module } from '@nestjs/common';
import { ClicksModule } from '../clicks/clicks.module';
import { LinkChanges } from '../redirect/link-changes';
import { LinkResolver } from '../redirect/link-resolver';
import { LinkVisit } from '../redirect/link-visit';
import { RedirectRoute } from '../redirect/redirect-route';
import { RedirectController } from '../redirect/redirect.controller';
import { VisitAllowance } from '../redirect/visit-allowance';
import { LinkCatalog } from './link-catalog';
import { LinkPasswords } from './link-passwords';
import { LinksController } from './links.controller';

@Module({
  imports: [ClicksModule],
  providers: [
    LinkCatalog,
    LinkPasswords,
    LinkChanges,
    LinkResolver,
    LinkVisit,
    VisitAllowance,
    RedirectRoute,
  ],
  controllers: [LinksController, RedirectController],
  exports: [LinkCatalog, LinkResolver, LinkVisit],
})
export class LinksModule {}
