import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EmailVerificationModule } from '../email-verification/email-verification.module';
import { PasswordResetModule } from '../password-reset/password-reset.module';
import { Registration } from './registration';
import { RegistrationController } from './registration.controller';

@Module({
  imports: [AccountsModule, EmailVerificationModule, PasswordResetModule],
  controllers: [RegistrationController],
  providers: [Registration],
  exports: [Registration],
})
export class RegistrationModule {}
