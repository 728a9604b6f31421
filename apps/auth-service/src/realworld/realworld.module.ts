import { Module } from '@nestjs/common';
import { PasswordChangeModule } from '../password-change/password-change.module';
import { ProfileModule } from '../profile/profile.module';
import { RegistrationModule } from '../registration/registration.module';
import { SessionsModule } from '../sessions/sessions.module';
import { RealWorldUsersController } from './realworld-users.controller';

@Module({
  imports: [RegistrationModule, SessionsModule, ProfileModule, PasswordChangeModule],
  controllers: [RealWorldUsersController],
})
export class RealWorldModule {}
