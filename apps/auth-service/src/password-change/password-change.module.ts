import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MailModule } from '../mail/mail.module';
import { SessionsModule } from '../sessions/sessions.module';
import { PasswordChange } from './password-change';
import { PasswordChangeController } from './password-change.controller';

@Module({
  imports: [AccountsModule, MailModule, SessionsModule],
  controllers: [PasswordChangeController],
  providers: [PasswordChange],
  exports: [PasswordChange],
})
export class PasswordChangeModule {}
