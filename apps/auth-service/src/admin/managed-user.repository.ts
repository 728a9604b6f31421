import type { Prisma } from '../generated/prisma/client';
import type { Role } from '../generated/prisma/enums';
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

/** Port: the accounts an administrator manages. The Prisma implementation is in `infrastructure/`. */
export abstract class ManagedUserRepository {
  abstract search(search: UserSearch): Promise<Page<ManagedUser>>;

  abstract findById(id: string, tx?: Prisma.TransactionClient): Promise<ManagedUser | null>;

  /**
   * Locks the active admins' rows until the transaction ends and returns their ids, so two admins
   * demoting each other at once cannot both succeed and leave none.
   */
  abstract lockActiveAdmins(tx: Prisma.TransactionClient): Promise<string[]>;

  abstract setRoles(id: string, roles: Role[], tx: Prisma.TransactionClient): Promise<ManagedUser>;

  abstract setDisabledAt(
    id: string,
    at: Date | null,
    tx: Prisma.TransactionClient,
  ): Promise<ManagedUser>;

  /** Removes the account with its sessions, tokens and API keys; its audit trail stays. */
  abstract delete(id: string, tx: Prisma.TransactionClient): Promise<void>;
}
