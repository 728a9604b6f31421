import { Injectable } from '@nestjs/common';
import { uniquenessKey } from '../../accounts/user';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma, User } from '../../generated/prisma/client';
import type { Role } from '../../generated/prisma/enums';
import { pageOf, type Page } from '../../shared/pagination';
import type { ManagedUser } from '../managed-user';
import { ManagedUserRepository, type UserSearch } from '../managed-user.repository';

@Injectable()
export class PrismaManagedUserRepository extends ManagedUserRepository {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async search({ prefix, role, after, limit }: UserSearch): Promise<Page<ManagedUser>> {
    // The *_key columns hold each value's uniqueness key, so the prefix gets the same treatment.
    const key = prefix && escapeLikePattern(uniquenessKey(prefix));
    const rows = await this.prisma.user.findMany({
      where: {
        ...(key && {
          OR: [{ emailKey: { startsWith: key } }, { usernameKey: { startsWith: key } }],
        }),
        ...(role && { roles: { has: role } }),
        ...(after && { id: { gt: after } }),
      },
      orderBy: { id: 'asc' },
      take: limit + 1,
    });
    return pageOf(rows.map(toManagedUser), limit);
  }

  async findById(
    id: string,
    tx: Prisma.TransactionClient = this.prisma,
  ): Promise<ManagedUser | null> {
    const row = await tx.user.findUnique({ where: { id } });
    return row && toManagedUser(row);
  }

  async lockActiveAdmins(tx: Prisma.TransactionClient): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "user"
      WHERE 'admin' = ANY(roles) AND disabled_at IS NULL
      ORDER BY id
      FOR UPDATE`;
    return rows.map((row) => row.id);
  }

  async setRoles(id: string, roles: Role[], tx: Prisma.TransactionClient): Promise<ManagedUser> {
    return toManagedUser(await tx.user.update({ where: { id }, data: { roles } }));
  }

  async setDisabledAt(
    id: string,
    at: Date | null,
    tx: Prisma.TransactionClient,
  ): Promise<ManagedUser> {
    return toManagedUser(await tx.user.update({ where: { id }, data: { disabledAt: at } }));
  }

  async delete(id: string, tx: Prisma.TransactionClient): Promise<void> {
    await tx.user.delete({ where: { id } });
  }
}

// Prisma passes startsWith to LIKE as is: a `%` or `_` typed by an admin must match only itself.
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function toManagedUser(row: User): ManagedUser {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    roles: row.roles,
    emailVerified: row.emailVerifiedAt !== null,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
  };
}
