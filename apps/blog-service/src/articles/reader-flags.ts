import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** What lists show of one reader: the articles they favorited and the authors they follow. */
export interface ReaderFlags {
  favorited: ReadonlySet<string>;
  followed: ReadonlySet<string>;
}

export const NO_FLAGS: ReaderFlags = { favorited: new Set(), followed: new Set() };

/**
 * A reader's favorites among some articles and follows among their authors, in one statement:
 * what ReaderFlagCache runs on a miss.
 */
@Injectable()
export class ReaderFlagLookup {
  constructor(private readonly prisma: PrismaService) {}

  async among(
    readerId: string | undefined,
    articleIds: readonly string[],
    authorIds: readonly string[],
  ): Promise<ReaderFlags> {
    if (!readerId || articleIds.length === 0) return NO_FLAGS;
    // Raw SQL: two indexed lookups in one round trip, without Prisma building two queries.
    const [row] = await this.prisma.$queryRaw<{ favorited: string[]; followed: string[] }[]>`
      SELECT
        ARRAY(SELECT article_id::text FROM favorite
               WHERE user_id = ${readerId}::uuid AND article_id = ANY(${articleIds}::uuid[])) AS favorited,
        ARRAY(SELECT followee_id::text FROM follow
               WHERE follower_id = ${readerId}::uuid AND followee_id = ANY(${[...new Set(authorIds)]}::uuid[])) AS followed`;
    return { favorited: new Set(row.favorited), followed: new Set(row.followed) };
  }
}
