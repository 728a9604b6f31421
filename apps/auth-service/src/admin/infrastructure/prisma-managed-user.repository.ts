import { Injectable } from '@nestjs/common';
import { uniquenessKey } from '../../accounts/user';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import type { Prisma } from '../../generated/prisma/client';
import type { Role } from '../../generated/prisma/enums';
import { pageOf, type Page } from '../../shared/pagination';
import type { ManagedUser } from '../managed-user';
import { ManagedUserRepository, type UserSearch } from '../managed-user.repository';

// Exactly the ManagedUser fields: the password hash is never even read.
const MANAGED_USER = {
  id: true,
  email: true,
  username: true,
  roles: true,
  emailVerifiedAt: true,
  disabledAt: true,
  profileVersion: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

@Injectable()
export class PrismaManagedUserRepository extends ManagedUserRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async search({ prefix, role, after, limit }: UserSearch): Promise<Page<ManagedUser>> {
    // The *_key columns hold each value's uniqueness key, so the prefix gets the same treatment.
    const key = prefix && escapeLikePattern(uniquenessKey(prefix));
    const rows = await this.txHost.tx.user.findMany({
      where: {
        ...(key && {
          OR: [{ emailKey: { startsWith: key } }, { usernameKey: { startsWith: key } }],
        }),
        ...(role && { roles: { has: role } }),
        ...(after && { id: { gt: after } }),
      },
      select: MANAGED_USER,
      orderBy: { id: 'asc' },
      take: limit + 1,
    });
    return pageOf(rows, limit);
  }

  async findById(id: string): Promise<ManagedUser | null> {
    return this.txHost.tx.user.findUnique({ where: { id }, select: MANAGED_USER });
  }

  async lockActiveAdmins(): Promise<string[]> {
    const rows = await this.txHost.tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "user"
      WHERE 'admin' = ANY(roles) AND disabled_at IS NULL
      ORDER BY id
      FOR UPDATE`;
    return rows.map((row) => row.id);
  }

  async setRoles(id: string, roles: Role[]): Promise<ManagedUser> {
    return this.txHost.tx.user.update({ where: { id }, data: { roles }, select: MANAGED_USER });
  }

  async setDisabledAt(id: string, at: Date | null): Promise<ManagedUser> {
    return this.txHost.tx.user.update({
      where: { id },
      // Disabling changes what other services show of the user: a new profile version.
      data: { disabledAt: at, profileVersion: { increment: 1 } },
      select: MANAGED_USER,
    });
  }

  async delete(id: string): Promise<number> {
    // RETURNING reads the row as it is deleted: a profile change that committed first is counted.
    const [row] = await this.txHost.tx.$queryRaw<{ profile_version: number }[]>`
      DELETE FROM "user" WHERE id = ${id}::uuid RETURNING profile_version`;
    return row.profile_version;
  }
}

// Prisma passes startsWith to LIKE as is: a `%` or `_` typed by an admin must match only itself.
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
