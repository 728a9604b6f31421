import { join } from 'node:path';
import { PROTO_ROOT } from '../../../proto-root';

/** `capstone.auth.user_directory.v1.UserDirectory`: auth-service's accounts, asked directly. */
export const USER_DIRECTORY_PACKAGE = 'capstone.auth.user_directory.v1';
export const USER_DIRECTORY_SERVICE = 'UserDirectory';
export const USER_DIRECTORY_PROTO_PATH = join(
  PROTO_ROOT,
  'user-directory',
  'v1',
  'user_directory.proto',
);

/** `FindUserRequest` as the server reads it: `lookup` names the field the caller set, if any. */
export interface FindUserRequestMessage {
  userId?: string;
  username?: string;
  lookup?: 'userId' | 'username';
}

export type UserStatusName =
  'USER_STATUS_UNSPECIFIED' | 'USER_STATUS_ACTIVE' | 'USER_STATUS_DISABLED' | 'USER_STATUS_DELETED';

/** `DirectoryUser` on the wire; unset `bio` and `image` are absent. */
export interface DirectoryUserMessage {
  userId: string;
  username: string;
  email: string;
  bio?: string;
  image?: string;
  status: UserStatusName;
  profileVersion: number;
  roles: string[];
}
