import { z } from 'zod';
import { defineEvent } from '../../event-contract';

/** `auth.users`: the lifecycle of a user account. Key = user id. */
export const AUTH_USERS_TOPIC = 'auth.users';

const userId = z.uuid();
const username = z.string().min(1).max(64);
const email = z.email();
const role = z.enum(['user', 'admin']);
/**
 * The account's profile version after this change (the UserDirectory gRPC answer carries it too):
 * a consumer drops an event older than what it already stored. Optional, so events recorded
 * before it existed still parse; auth-service always sets it.
 */
const profileVersion = z.number().int().positive().optional();

/** What other services may project about a user: enough to show an author or address an email. */
const publicProfile = z.object({
  userId,
  username,
  email,
  bio: z.string().nullable(),
  image: z.string().nullable(),
  profileVersion,
});

export const UserRegistered = defineEvent({
  topic: AUTH_USERS_TOPIC,
  type: 'auth.user.registered',
  version: 1,
  schema: publicProfile.extend({ roles: z.array(role).min(1), emailVerified: z.boolean() }),
});

export const UserEmailVerified = defineEvent({
  topic: AUTH_USERS_TOPIC,
  type: 'auth.user.email_verified',
  version: 1,
  schema: z.object({ userId, username, email }),
});

export const UserProfileUpdated = defineEvent({
  topic: AUTH_USERS_TOPIC,
  type: 'auth.user.profile_updated',
  version: 1,
  schema: publicProfile,
});

export const UserRoleChanged = defineEvent({
  topic: AUTH_USERS_TOPIC,
  type: 'auth.user.role_changed',
  version: 1,
  schema: z.object({ userId, roles: z.array(role).min(1) }),
});

export const UserDisabled = defineEvent({
  topic: AUTH_USERS_TOPIC,
  type: 'auth.user.disabled',
  version: 1,
  schema: z.object({ userId, profileVersion }),
});

export const UserDeleted = defineEvent({
  topic: AUTH_USERS_TOPIC,
  type: 'auth.user.deleted',
  version: 1,
  schema: z.object({ userId, profileVersion }),
});

export const authUsersEvents = [
  UserRegistered,
  UserEmailVerified,
  UserProfileUpdated,
  UserRoleChanged,
  UserDisabled,
  UserDeleted,
] as const;
