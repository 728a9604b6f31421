import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import {
  USER_DIRECTORY_SERVICE,
  type DirectoryUserMessage,
  type FindUserRequestMessage,
} from '@capstone/contracts';
import { NotFoundError } from '@capstone/platform/http';
import { UserDirectory } from './user-directory';

/** `capstone.auth.user_directory.v1.UserDirectory` over gRPC, for other services only. */
@Controller()
export class UserDirectoryController {
  constructor(private readonly directory: UserDirectory) {}

  @GrpcMethod(USER_DIRECTORY_SERVICE, 'FindUser')
  async findUser(request: FindUserRequestMessage): Promise<DirectoryUserMessage> {
    const user = await this.directory.find(request);
    if (!user) throw new NotFoundError('No such user', { code: 'user_not_found' });
    return user;
  }
}
