import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ActionTokensModule } from '../action-tokens/action-tokens.module';
import { MailModule } from '../mail/mail.module';
import { EmailVerification } from './email-verification';
import { EmailVerificationController } from './email-verification.controller';

@Module({
  imports: [AccountsModule, ActionTokensModule, MailModule],
  controllers: [EmailVerificationController],
  providers: [EmailVerification],
  exports: [EmailVerification],
})
export class EmailVerificationModule {}
