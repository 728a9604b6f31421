import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import { Prisma, type User as UserRow } from '../../generated/prisma/client';
import { uniquenessKey, type User } from '../user';
import {
  AccountFieldTaken,
  UserRepository,
  type NewUser,
  type ProfileChanges,
} from '../user-repository';

@Injectable()
export class PrismaUserRepository extends UserRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.txHost.tx.user.findUnique({ where: { id } });
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.txHost.tx.user.findUnique({ where: { emailKey: uniquenessKey(email) } });
    return row && toUser(row);
  }

  async findByUsername(username: string): Promise<User | null> {
    const row = await this.txHost.tx.user.findUnique({
      where: { usernameKey: uniquenessKey(username) },
    });
    return row && toUser(row);
  }

  async takenFields(
    candidate: { email?: string; username?: string },
    exceptUserId?: string,
  ): Promise<('email' | 'username')[]> {
    const emailKey = candidate.email === undefined ? undefined : uniquenessKey(candidate.email);
    const usernameKey =
      candidate.username === undefined ? undefined : uniquenessKey(candidate.username);
    const owners = await this.txHost.tx.user.findMany({
      where: {
        OR: [...(emailKey ? [{ emailKey }] : []), ...(usernameKey ? [{ usernameKey }] : [])],
        ...(exceptUserId ? { NOT: { id: exceptUserId } } : {}),
      },
      select: { emailKey: true, usernameKey: true },
    });
    const taken: ('email' | 'username')[] = [];
    if (owners.some((owner) => owner.emailKey === emailKey)) taken.push('email');
    if (owners.some((owner) => owner.usernameKey === usernameKey)) taken.push('username');
    return taken;
  }

  async create(user: NewUser): Promise<User> {
    return rethrowTaken(async () =>
      toUser(
        await this.txHost.tx.user.create({
          data: {
            ...user,
            emailKey: uniquenessKey(user.email),
            usernameKey: uniquenessKey(user.username),
            passwordChangedAt: user.createdAt,
          },
        }),
      ),
    );
  }

  async updateProfile(
    id: string,
    changes: ProfileChanges & { emailVerifiedAt?: null },
  ): Promise<User> {
    return rethrowTaken(async () =>
      toUser(
        await this.txHost.tx.user.update({
          where: { id },
          data: {
            ...changes,
            profileVersion: { increment: 1 },
            ...(changes.email === undefined ? {} : { emailKey: uniquenessKey(changes.email) }),
            ...(changes.username === undefined
              ? {}
              : { usernameKey: uniquenessKey(changes.username) }),
          },
        }),
      ),
    );
  }

  async updatePasswordHash(
    id: string,
    passwordHash: string,
    changedAt: Date | null,
  ): Promise<void> {
    await this.txHost.tx.user.update({
      where: { id },
      data: { passwordHash, ...(changedAt ? { passwordChangedAt: changedAt } : {}) },
    });
  }

  async markEmailVerified(id: string, at: Date): Promise<User> {
    return toUser(
      await this.txHost.tx.user.update({ where: { id }, data: { emailVerifiedAt: at } }),
    );
  }
}

// The unique indexes are the last word when two requests race for one email or username.
async function rethrowTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      throw new AccountFieldTaken(
        (['email', 'username'] as const).filter((field) => target.includes(`${field}_key`)),
      );
    }
    throw error;
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    bio: row.bio,
    image: row.image,
    passwordHash: row.passwordHash,
    roles: row.roles,
    emailVerifiedAt: row.emailVerifiedAt,
    disabledAt: row.disabledAt,
    profileVersion: row.profileVersion,
    createdAt: row.createdAt,
  };
}
