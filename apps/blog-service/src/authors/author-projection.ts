import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../database/prisma-transactions';
import { anonymised, type AuthorSnapshot } from './author';
import { AuthorCache } from './author-cache';

/**
 * The only writer of the author table: auth-service's fields, and the avatar the blog owns.
 * Events and repairs may arrive in any order, so a snapshot older than the stored profile
 * version changes nothing.
 */
@Injectable()
export class AuthorProjection {
  constructor(
    private readonly transactions: TransactionHost<PrismaTransactions>,
    private readonly cache: AuthorCache,
  ) {}

  async apply(snapshot: AuthorSnapshot): Promise<void> {
    const { username, email, bio, image } =
      snapshot.status === 'deleted' ? anonymised(snapshot.id) : snapshot;
    // One statement, so concurrent events and repairs of one user cannot interleave a read and a write.
    await this.transactions.tx.$executeRaw`
      INSERT INTO author (id, username, email, bio, image, status, profile_version, synced_at)
      VALUES (${snapshot.id}::uuid, ${username}, ${email}, ${bio}, ${image},
              ${snapshot.status}::"AuthorStatus", ${snapshot.profileVersion}, now())
      ON CONFLICT (id) DO UPDATE
        SET username = EXCLUDED.username, email = EXCLUDED.email, bio = EXCLUDED.bio,
            image = EXCLUDED.image, status = EXCLUDED.status,
            profile_version = EXCLUDED.profile_version, synced_at = now()
        WHERE author.profile_version <= EXCLUDED.profile_version`;
    await this.cache.forget(snapshot.id);
  }

  /** The one field the blog owns: an avatar uploaded here, shown instead of auth-service's image. */
  async changeAvatar(id: string, avatarMediaId: string | null): Promise<void> {
    await this.transactions.tx.author.update({ where: { id }, data: { avatarMediaId } });
    await this.cache.forget(id);
  }

  /** A status change that says nothing else about the user (`auth.user.disabled`, `.deleted`). */
  async changeStatus(
    id: string,
    status: 'disabled' | 'deleted',
    profileVersion: number,
  ): Promise<void> {
    const stored = await this.transactions.tx.author.findUnique({ where: { id } });
    if (stored && stored.profileVersion > profileVersion) return;
    await this.apply({
      ...(stored ?? anonymised(id)),
      status,
      profileVersion: Math.max(profileVersion, stored?.profileVersion ?? 0),
    });
  }
}
