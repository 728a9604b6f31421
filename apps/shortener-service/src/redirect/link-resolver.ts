import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import { Metrics } from '@capstone/platform/observability';
import { PrismaService } from '../database/prisma.service';
import { LinkChanges } from './link-changes';
import { RecentLinks } from './recent-links';
import { resolvedLinkOf, type ResolvedLink } from './resolved-link';

const TTL_SECONDS = 3600;
// Long enough to absorb a scan of random codes, short enough that a typo'd code recovers quickly.
const UNKNOWN_CODE_TTL_SECONDS = 30;
// The promise that a change reaches every instance within a second holds even when its message is lost.
const IN_MEMORY_TTL_MS = 1_000;
// A few megabytes at most: far more codes than are popular within any one second.
const IN_MEMORY_LINKS = 10_000;
const keyOf = (code: string) => `link:${code}`;

const memoryLookups = Metrics.counter({
  name: 'shortener_link_memory_lookups_total',
  help: "Redirects whose code was looked up in the instance's memory before Redis, by outcome: hit or miss.",
  labelNames: ['result'],
});
// Bound once: a redirect counts its lookup without building a label set.
const memoryHits = memoryLookups.labels('hit');
const memoryMisses = memoryLookups.labels('miss');

/**
 * Code → link: from this instance's memory for a second after each read, then from Redis, and
 * from Postgres only on a miss there (concurrent misses share one load). A change forgets the
 * code here, in Redis, and, by its announcement, in every other instance's memory.
 */
@Injectable()
export class LinkResolver {
  private readonly recent = new RecentLinks(IN_MEMORY_LINKS, IN_MEMORY_TTL_MS);
  // Bumped by every change heard of: a load begun before one may hold the old link, so it is not kept.
  private changesHeard = 0;

  constructor(
    private readonly cache: RedisCache,
    private readonly prisma: PrismaService,
    private readonly changes: LinkChanges,
  ) {
    changes.onChange((code) => this.forgetHere(code));
  }

  /** The link as this instance remembers it, with no wait; undefined when it must be resolved. */
  inMemory(code: string, now: number): ResolvedLink | undefined {
    const link = this.recent.get(code, now);
    (link === undefined ? memoryMisses : memoryHits).inc();
    return link;
  }

  async resolve(code: string, now = Date.now()): Promise<ResolvedLink | null> {
    // Not counted: a redirect that gets here already counted its miss in inMemory.
    const remembered = this.recent.get(code, now);
    if (remembered !== undefined) return remembered;
    const heard = this.changesHeard;
    const link = await this.cache.wrap(
      keyOf(code),
      TTL_SECONDS,
      async () => {
        const row = await this.prisma.link.findUnique({ where: { code } });
        return row ? resolvedLinkOf(row) : null;
      },
      { negativeTtlSeconds: UNKNOWN_CODE_TTL_SECONDS },
    );
    if (link !== null && heard === this.changesHeard) this.recent.remember(code, link, Date.now());
    return link;
  }

  /** Forgets the code in Redis, then here (a load that read Redis before is not kept), then everywhere. */
  async forget(code: string): Promise<void> {
    await this.cache.invalidate(keyOf(code));
    this.forgetHere(code);
    await this.changes.announce(code);
  }

  private forgetHere(code: string): void {
    this.changesHeard += 1;
    this.recent.forget(code);
  }
}
