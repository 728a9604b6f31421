import type { Role } from '../generated/prisma/enums';

/** An account as an administrator sees it: identity, roles and state, never credentials. */
export interface ManagedUser {
  id: string;
  email: string;
  username: string;
  roles: Role[];
  emailVerified: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

export function isActiveAdmin(user: ManagedUser): boolean {
  return user.roles.includes('admin') && user.disabledAt === null;
}
