import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  credentials,
  loadPackageDefinition,
  status,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  PROTO_LOADER_OPTIONS,
  USER_DIRECTORY_PROTO_PATH,
  type DirectoryUserMessage,
  type FindUserRequestMessage,
} from '@capstone/contracts';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../../config/environment';
import type { AuthorSnapshot, AuthorStatus } from '../author';
import { UserDirectory, type DirectoryQuery } from '../user-directory';

// A repair answers a user's own request: it must fail fast rather than hold that request up.
const DEADLINE_MS = 2_000;

type UserDirectoryStub = Client & {
  findUser(
    request: FindUserRequestMessage,
    options: { deadline: Date },
    callback: (error: ServiceError | null, user?: DirectoryUserMessage) => void,
  ): void;
};

const statusOf: Record<DirectoryUserMessage['status'], AuthorStatus> = {
  USER_STATUS_UNSPECIFIED: 'active',
  USER_STATUS_ACTIVE: 'active',
  USER_STATUS_DISABLED: 'disabled',
  USER_STATUS_DELETED: 'deleted',
};

/** auth-service's `UserDirectory.FindUser` over gRPC (libs/contracts/src/grpc/user-directory/v1). */
@Injectable()
export class GrpcUserDirectory extends UserDirectory implements OnApplicationShutdown {
  private readonly stub: UserDirectoryStub;

  constructor(config: AppConfig<Environment>) {
    super();
    const definition = loadPackageDefinition(
      loadSync(USER_DIRECTORY_PROTO_PATH, PROTO_LOADER_OPTIONS),
    );
    const { UserDirectory: Stub } = (
      definition.capstone as never as {
        auth: {
          user_directory: { v1: { UserDirectory: new (...args: unknown[]) => UserDirectoryStub } };
        };
      }
    ).auth.user_directory.v1;
    this.stub = new Stub(config.get('AUTH_GRPC_URL'), credentials.createInsecure());
  }

  find(query: DirectoryQuery): Promise<AuthorSnapshot | undefined> {
    return new Promise((resolve, reject) => {
      this.stub.findUser(query, { deadline: new Date(Date.now() + DEADLINE_MS) }, (error, user) => {
        if (error?.code === status.NOT_FOUND) resolve(undefined);
        else if (error || !user) reject(error ?? new Error('UserDirectory answered nothing'));
        else resolve(snapshotOf(user));
      });
    });
  }

  onApplicationShutdown(): void {
    this.stub.close();
  }
}

function snapshotOf(user: DirectoryUserMessage): AuthorSnapshot {
  return {
    id: user.userId,
    username: user.username,
    email: user.email || null,
    bio: user.bio ?? null,
    image: user.image ?? null,
    status: statusOf[user.status],
    profileVersion: user.profileVersion,
  };
}
