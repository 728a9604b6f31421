import type { Role } from '@capstone/platform/auth';

/** An account as the use cases see it. */
export interface User {
  id: string;
  email: string;
  username: string;
  bio: string | null;
  image: string | null;
  passwordHash: string;
  roles: Role[];
  emailVerifiedAt: Date | null;
  disabledAt: Date | null;
  /** See the schema: grows with every change other services project. */
  profileVersion: number;
  createdAt: Date;
}

/**
 * The form under which emails and usernames must be unique: `Ada@Example.com` and
 * `ada@example.com` are one address, and compatibility forms of a letter are one letter.
 */
export function uniquenessKey(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/** What other services may know about a user (the auth.users event payloads). */
export function publicProfileOf(user: User) {
  return {
    userId: user.id,
    username: user.username,
    email: user.email,
    bio: user.bio,
    image: user.image,
    profileVersion: user.profileVersion,
  };
}
