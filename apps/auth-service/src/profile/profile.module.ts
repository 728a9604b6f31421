import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EmailVerificationModule } from '../email-verification/email-verification.module';
import { ProfileController } from './profile.controller';
import { ProfileUpdate } from './profile-update';

@Module({
  imports: [AccountsModule, EmailVerificationModule],
  controllers: [ProfileController],
  providers: [ProfileUpdate],
  exports: [ProfileUpdate],
})
export class ProfileModule {}
