import { Module } from '@nestjs/common';
import { UserDirectory } from '../user-directory';
import { GrpcUserDirectory } from './grpc-user-directory';

@Module({
  providers: [{ provide: UserDirectory, useClass: GrpcUserDirectory }],
  exports: [UserDirectory],
})
export class UserDirectoryModule {}
