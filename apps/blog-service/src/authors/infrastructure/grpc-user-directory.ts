import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import { createUserDirectoryClient, type UserDirectoryClient } from '@capstone/platform/rpc';
import type { Environment } from '../../config/environment';
import type { AuthorSnapshot } from '../author';
import { UserDirectory, type DirectoryQuery } from '../user-directory';

/** auth-service's `UserDirectory.FindUser` over gRPC, as the author projection's repair source. */
@Injectable()
export class GrpcUserDirectory extends UserDirectory implements OnApplicationShutdown {
  private readonly client: UserDirectoryClient;

  constructor(config: AppConfig<Environment>) {
    super();
    this.client = createUserDirectoryClient(config.get('AUTH_GRPC_URL'));
  }

  async find(query: DirectoryQuery): Promise<AuthorSnapshot | undefined> {
    const user = await this.client.findUser(query);
    return (
      user && {
        id: user.userId,
        username: user.username,
        email: user.email || null,
        bio: user.bio,
        image: user.image,
        status: user.status,
        profileVersion: user.profileVersion,
      }
    );
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
