import { Injectable } from '@nestjs/common';
import { afterCommit, withCommitHooks } from '@capstone/platform/events';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ArticleListCache } from '../articles/article-list-cache';
import type { PrismaTransactions } from '../database/prisma-transactions';
import { anonymised, type AuthorSnapshot } from './author';
import { AuthorCache } from './author-cache';

/**
 * The only writer of the author table: auth-service's fields, and the avatar the blog owns.
 * Events and repairs may arrive in any order, so a snapshot older than the stored profile
 * version changes nothing.
 *
 * A change joins the transaction it runs in (the `auth.users` consumer's, with its processed-event
 * row) or opens one, and the caches are forgotten only once that transaction has committed:
 * forgotten before, a read in between would cache the old author again.
 */
@Injectable()
export class AuthorProjection {
  constructor(
    private readonly transactions: TransactionHost<PrismaTransactions>,
    private readonly cache: AuthorCache,
    private readonly lists: ArticleListCache,
  ) {}

  apply(snapshot: AuthorSnapshot): Promise<void> {
    return this.committedThenForgotten(snapshot.id, () => this.upsert(snapshot));
  }

  /** The one field the blog owns: an avatar uploaded here, shown instead of auth-service's image. */
  changeAvatar(id: string, avatarMediaId: string | null): Promise<void> {
    return this.committedThenForgotten(id, async () => {
      await this.transactions.tx.author.update({ where: { id }, data: { avatarMediaId } });
    });
  }

  /** A status change that says nothing else about the user (`auth.user.disabled`, `.deleted`). */
  changeStatus(id: string, status: 'disabled' | 'deleted', profileVersion: number): Promise<void> {
    return this.committedThenForgotten(id, async () => {
      const stored = await this.transactions.tx.author.findUnique({ where: { id } });
      if (stored && stored.profileVersion > profileVersion) return;
      await this.upsert({
        ...(stored ?? anonymised(id)),
        status,
        profileVersion: Math.max(profileVersion, stored?.profileVersion ?? 0),
      });
    });
  }

  private committedThenForgotten(id: string, change: () => Promise<void>): Promise<void> {
    return withCommitHooks(this.transactions, async () => {
      await change();
      // Every list page shows authors, and hides those disabled.
      await afterCommit(this.transactions, async () => {
        await Promise.all([this.lists.forgetAll(), this.cache.forget(id)]);
      });
    });
  }

  private async upsert(snapshot: AuthorSnapshot): Promise<void> {
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
  }
}
