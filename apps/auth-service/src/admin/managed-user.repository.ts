import type { Role } from '@capstone/platform/auth';
import type { Page } from '../shared/pagination';
import type { ManagedUser } from './managed-user';

export interface UserSearch {
  /** Case-insensitive prefix of the email or the username. */
  prefix?: string;
  role?: Role;
  /** Return users after this id, in id order. */
  after?: string;
  limit: number;
}

/** Port: the accounts an administrator manages; joins the ambient transaction. The Prisma implementation is in `infrastructure/`. */
export abstract class ManagedUserRepository {
  abstract search(search: UserSearch): Promise<Page<ManagedUser>>;

  abstract findById(id: string): Promise<ManagedUser | null>;

  /**
   * Locks the active admins' rows until the transaction ends and returns their ids, so two admins
   * demoting each other at once cannot both succeed and leave none.
   */
  abstract lockActiveAdmins(): Promise<string[]>;

  abstract setRoles(id: string, roles: Role[]): Promise<ManagedUser>;

  abstract setDisabledAt(id: string, at: Date | null): Promise<ManagedUser>;

  /**
   * Removes the account with its sessions, tokens and API keys; its audit trail stays. Returns the
   * profile version the account had at the moment it went, after any change that raced it.
   */
  abstract delete(id: string): Promise<number>;
}
