import { Module } from '@nestjs/common';
import { ActionLinks } from './action-links';
import { ActionTokenRepository } from './action-token-repository';
import { PrismaActionTokenRepository } from './infrastructure/prisma-action-token-repository';

@Module({
  providers: [
    { provide: ActionTokenRepository, useClass: PrismaActionTokenRepository },
    ActionLinks,
  ],
  exports: [ActionLinks],
})
export class ActionTokensModule {}
