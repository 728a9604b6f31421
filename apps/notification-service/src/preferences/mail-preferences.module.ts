import { Module } from '@nestjs/common';
import { PrismaMailPreferenceRepository } from './infrastructure/prisma-mail-preference-repository';
import { MailPreferenceRepository } from './mail-preference-repository';
import { MailPreferencesController } from './mail-preferences.controller';
import { MailPreferencesService } from './mail-preferences.service';

@Module({
  controllers: [MailPreferencesController],
  providers: [
    MailPreferencesService,
    { provide: MailPreferenceRepository, useClass: PrismaMailPreferenceRepository },
  ],
  exports: [MailPreferencesService],
})
export class MailPreferencesModule {}
