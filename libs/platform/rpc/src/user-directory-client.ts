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

export type UserLookup = { userId: string } | { username: string };

/** An account as auth-service's UserDirectory reports it, in this workspace's own terms. */
export interface DirectoryUser {
  userId: string;
  username: string;
  email: string;
  bio: string | null;
  image: string | null;
  status: 'active' | 'disabled' | 'deleted';
  /** Compare with an event's `profileVersion`: the greater one is the newer account. */
  profileVersion: number;
  roles: string[];
}

export interface UserDirectoryClient {
  /** The account as it is now; `undefined` when auth-service has none (or no longer has it). */
  findUser(lookup: UserLookup): Promise<DirectoryUser | undefined>;
  /** Closes the channel; call it on shutdown. */
  close(): void;
}

export interface UserDirectoryClientOptions {
  /** How long one call may take before it fails with DEADLINE_EXCEEDED (default 2000 ms). */
  deadlineMs?: number;
}

/** A failed call other than NOT_FOUND: `code` is the gRPC status (`status` of @grpc/grpc-js). */
export class UserDirectoryError extends Error {
  constructor(
    readonly code: status,
    details: string,
  ) {
    super(`UserDirectory.FindUser failed: ${status[code] ?? code}: ${details}`);
    this.name = 'UserDirectoryError';
  }
}

type FindUser = (
  request: FindUserRequestMessage,
  options: { deadline: Date },
  callback: (error: ServiceError | null, user?: DirectoryUserMessage) => void,
) => void;

type DirectoryStub = Client & { findUser: FindUser };

const statusOf: Record<DirectoryUserMessage['status'], DirectoryUser['status']> = {
  USER_STATUS_UNSPECIFIED: 'active',
  USER_STATUS_ACTIVE: 'active',
  USER_STATUS_DISABLED: 'disabled',
  USER_STATUS_DELETED: 'deleted',
};

/**
 * auth-service's UserDirectory (libs/contracts/src/grpc/user-directory/v1) for a projection that
 * must repair a missing or stale user now. `url` is `host:port`, e.g. `AUTH_GRPC_URL`. The
 * channel connects on the first call and reconnects by itself; a repair answers a user's own
 * request, so each call fails fast at its deadline rather than hold that request up.
 */
export function createUserDirectoryClient(
  url: string,
  options: UserDirectoryClientOptions = {},
): UserDirectoryClient {
  const deadlineMs = options.deadlineMs ?? 2000;
  const definition = loadPackageDefinition(
    loadSync(USER_DIRECTORY_PROTO_PATH, PROTO_LOADER_OPTIONS),
  ) as never as {
    capstone: {
      auth: {
        user_directory: { v1: { UserDirectory: new (...args: unknown[]) => DirectoryStub } };
      };
    };
  };
  const { UserDirectory } = definition.capstone.auth.user_directory.v1;
  const stub = new UserDirectory(url, credentials.createInsecure());
  return {
    findUser: (lookup) =>
      new Promise((resolve, reject) =>
        stub.findUser(lookup, { deadline: new Date(Date.now() + deadlineMs) }, (error, user) => {
          if (error?.code === status.NOT_FOUND) resolve(undefined);
          else if (error) reject(new UserDirectoryError(error.code, error.details));
          else if (!user) reject(new UserDirectoryError(status.UNKNOWN, 'no answer'));
          else resolve(directoryUserOf(user));
        }),
      ),
    close: () => stub.close(),
  };
}

/** The wire message in this workspace's terms: absent texts are null, statuses lower-case words. */
export function directoryUserOf(message: DirectoryUserMessage): DirectoryUser {
  return {
    userId: message.userId,
    username: message.username,
    email: message.email,
    bio: message.bio ?? null,
    image: message.image ?? null,
    status: statusOf[message.status],
    profileVersion: message.profileVersion,
    roles: message.roles,
  };
}
