import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import { NO_FLAGS, ReaderFlagLookup, type ReaderFlags } from './reader-flags';

/** Flags as Redis holds them: JSON has no sets. */
interface StoredFlags {
  favorited: string[];
  followed: string[];
}

// Only a Redis outage during a favorite or follow can leave flags stale (its invalidation is lost); this bounds it.
const TTL_SECONDS = 60;

/**
 * A reader's flags among a page, cached in a family of that reader's own: the entry is keyed by
 * the ids the flags are read over, so it is right for as long as the reader's favorites and
 * follows stay as they were, and every favorite, unfavorite, follow and unfollow of the reader
 * forgets the family once it has committed (ADR 0014).
 */
@Injectable()
export class ReaderFlagCache {
  constructor(
    private readonly cache: RedisCache,
    private readonly lookup: ReaderFlagLookup,
  ) {}

  async among(
    readerId: string | undefined,
    articleIds: readonly string[],
    authorIds: readonly string[],
  ): Promise<ReaderFlags> {
    if (!readerId || articleIds.length === 0) return NO_FLAGS;
    const stored = await this.cache.wrapInFamily<StoredFlags>(
      familyOf(readerId),
      fingerprintOf(articleIds, authorIds),
      TTL_SECONDS,
      async () => {
        const { favorited, followed } = await this.lookup.among(readerId, articleIds, authorIds);
        return { favorited: [...favorited], followed: [...followed] };
      },
    );
    return { favorited: new Set(stored.favorited), followed: new Set(stored.followed) };
  }

  /** Call after a change of the reader's favorites or follows has committed. */
  forget(readerId: string): Promise<void> {
    return this.cache.invalidateFamily(familyOf(readerId));
  }
}

const familyOf = (readerId: string) => `reader-flags:${readerId}`;

// A short key whatever the page size; uuids hold neither separator, so no two id lists share one.
function fingerprintOf(articleIds: readonly string[], authorIds: readonly string[]): string {
  return createHash('sha256')
    .update(`${articleIds.join(',')}|${authorIds.join(',')}`)
    .digest('base64url')
    .slice(0, 22);
}
