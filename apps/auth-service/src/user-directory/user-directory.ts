import { Injectable } from '@nestjs/common';
import type { DirectoryUserMessage, FindUserRequestMessage } from '@capstone/contracts';
import { ValidationError } from '@capstone/platform/http';
import type { User } from '../accounts/user';
import { UserRepository } from '../accounts/user-repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The account as other services may project it, asked directly when their projection cannot
 * answer yet. A deleted account is gone from this database, so it is simply not found.
 */
@Injectable()
export class UserDirectory {
  constructor(private readonly users: UserRepository) {}

  async find(request: FindUserRequestMessage): Promise<DirectoryUserMessage | undefined> {
    const user = await this.lookUp(request);
    return user ? directoryEntryOf(user) : undefined;
  }

  private lookUp({ lookup, userId, username }: FindUserRequestMessage): Promise<User | null> {
    if (lookup === 'userId' && userId && UUID.test(userId)) return this.users.findById(userId);
    if (lookup === 'username' && username) return this.users.findByUsername(username);
    throw new ValidationError([
      {
        field: lookup ?? 'lookup',
        message: 'name a user by a UUID user_id or a non-empty username',
        code: 'invalid_lookup',
      },
    ]);
  }
}

function directoryEntryOf(user: User): DirectoryUserMessage {
  return {
    userId: user.id,
    username: user.username,
    email: user.email,
    ...(user.bio === null ? {} : { bio: user.bio }),
    ...(user.image === null ? {} : { image: user.image }),
    status: user.disabledAt ? 'USER_STATUS_DISABLED' : 'USER_STATUS_ACTIVE',
    profileVersion: user.profileVersion,
    roles: user.roles,
  };
}
