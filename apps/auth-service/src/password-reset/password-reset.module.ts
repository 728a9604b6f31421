import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ActionTokensModule } from '../action-tokens/action-tokens.module';
import { MailModule } from '../mail/mail.module';
import { SessionsModule } from '../sessions/sessions.module';
import { PasswordReset } from './password-reset';
import { PasswordResetController } from './password-reset.controller';

@Module({
  imports: [AccountsModule, ActionTokensModule, MailModule, SessionsModule],
  controllers: [PasswordResetController],
  providers: [PasswordReset],
  exports: [PasswordReset],
})
export class PasswordResetModule {}
