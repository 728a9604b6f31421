import { Module } from '@nestjs/common';
import { DevelopmentMailbox } from './development-mailbox';
import { PrismaDevelopmentMailbox } from './infrastructure/prisma-development-mailbox';
import { MailboxController } from './mailbox.controller';

@Module({
  controllers: [MailboxController],
  providers: [{ provide: DevelopmentMailbox, useClass: PrismaDevelopmentMailbox }],
  exports: [DevelopmentMailbox],
})
export class MailboxModule {}
