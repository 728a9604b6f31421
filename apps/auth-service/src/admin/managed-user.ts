import type { User } from '../accounts/user';

/** An account as an administrator sees it: identity, roles and state, never credentials. */
export type ManagedUser = Pick<
  User,
  | 'id'
  | 'email'
  | 'username'
  | 'roles'
  | 'emailVerifiedAt'
  | 'disabledAt'
  | 'profileVersion'
  | 'createdAt'
>;

export function isActiveAdmin(user: ManagedUser): boolean {
  return user.roles.includes('admin') && user.disabledAt === null;
}
