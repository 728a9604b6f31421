import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { ForbiddenError, UnauthorizedError } from '@capstone/platform/http';
import { PrismaService } from '../database/prisma.service';
import type { Author } from './author';
import { AuthorCache } from './author-cache';
import { authorOf } from './author-row';
import { AuthorProjection } from './author-projection';
import { UserDirectory, type DirectoryQuery } from './user-directory';

/**
 * Authors for reads and writes, with read-your-writes across services: where the projection has
 * no row, or holds an older name than the caller's own token, auth-service is asked at once
 * instead of waiting for the `auth.users` event.
 */
@Injectable()
export class Authors {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: AuthorCache,
    private readonly projection: AuthorProjection,
    private readonly directory: UserDirectory,
  ) {}

  async byId(id: string): Promise<Author | undefined> {
    const author = await this.cache.read(id, () => this.load(id));
    return author ?? (await this.repair({ userId: id }));
  }

  async byUsername(username: string): Promise<Author | undefined> {
    const rows = await this.prisma.author.findMany({
      where: { username },
      take: 2,
    });
    // Two rows share a name only while renames are in flight: auth-service knows who holds it now.
    if (rows.length === 1) return authorOf(rows[0]);
    return this.repair({ username });
  }

  /** The caller as an author, current as of their token: the first write of a new user finds them. */
  async caller(principal: Principal): Promise<Author> {
    const known = await this.cache.read(principal.userId, () => this.load(principal.userId));
    const current =
      known && !isBehind(known, principal) && known.status === 'active'
        ? known
        : await this.repair({ userId: principal.userId });
    if (!current) {
      // A valid token of a user auth-service no longer knows: deleted moments ago.
      throw new UnauthorizedError('The account behind this token no longer exists', {
        code: 'account_gone',
      });
    }
    if (current.status !== 'active') {
      throw new ForbiddenError('This account is disabled', { code: 'account_disabled' });
    }
    return current;
  }

  /** Repairs the caller's row when their token knows them better than it does; never refuses anyone. */
  async refresh(principal: Principal): Promise<void> {
    const known = await this.cache.read(principal.userId, () => this.load(principal.userId));
    if (!known || isBehind(known, principal)) await this.repair({ userId: principal.userId });
  }

  private async load(id: string): Promise<Author | null> {
    const row = await this.prisma.author.findUnique({ where: { id } });
    return row ? authorOf(row) : null;
  }

  private async repair(query: DirectoryQuery): Promise<Author | undefined> {
    const snapshot = await this.directory.find(query);
    if (!snapshot) return undefined;
    await this.projection.apply(snapshot);
    return this.load(snapshot.id).then((author) => author ?? undefined);
  }
}

/** The token was issued after a change the projection has not seen: a newer version, or another name. */
function isBehind(known: Author, principal: Principal): boolean {
  return (
    known.username !== principal.username ||
    (principal.profileVersion !== undefined && known.profileVersion < principal.profileVersion)
  );
}
