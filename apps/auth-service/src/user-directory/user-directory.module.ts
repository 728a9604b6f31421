import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { UserDirectory } from './user-directory';
import { UserDirectoryController } from './user-directory.controller';

@Module({
  imports: [AccountsModule],
  providers: [UserDirectory],
  controllers: [UserDirectoryController],
})
export class UserDirectoryModule {}
