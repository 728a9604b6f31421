import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import { PrismaService } from '../database/prisma.service';
import { resolvedLinkOf, type ResolvedLink } from './resolved-link';

const TTL_SECONDS = 3600;
// Long enough to absorb a scan of random codes, short enough that a typo'd code recovers quickly.
const UNKNOWN_CODE_TTL_SECONDS = 30;
const keyOf = (code: string) => `link:${code}`;

/**
 * Code → link, from Redis; Postgres only on a miss (concurrent misses share one load). Every
 * instance reads the same Redis, so a change forgotten here takes effect everywhere at once.
 */
@Injectable()
export class LinkResolver {
  constructor(
    private readonly cache: RedisCache,
    private readonly prisma: PrismaService,
  ) {}

  resolve(code: string): Promise<ResolvedLink | null> {
    return this.cache.wrap(
      keyOf(code),
      TTL_SECONDS,
      async () => {
        const row = await this.prisma.link.findUnique({ where: { code } });
        return row ? resolvedLinkOf(row) : null;
      },
      { negativeTtlSeconds: UNKNOWN_CODE_TTL_SECONDS },
    );
  }

  forget(code: string): Promise<void> {
    return this.cache.invalidate(keyOf(code));
  }
}
