import { Module } from '@nestjs/common';
import { PrismaUserRepository } from './infrastructure/prisma-user-repository';
import { PasswordHasher } from './password-hasher';
import { UserRepository } from './user-repository';

@Module({
  providers: [{ provide: UserRepository, useClass: PrismaUserRepository }, PasswordHasher],
  exports: [UserRepository, PasswordHasher],
})
export class AccountsModule {}
