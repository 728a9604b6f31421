import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import { PrismaService } from '../database/prisma.service';

const KEY = 'tags';
const TTL_SECONDS = 60;
const MOST_USED = 100;

/** The most used tags of shown articles, most used first; cached, and forgotten by every article write. */
@Injectable()
export class TagList {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: RedisCache,
  ) {}

  read(): Promise<string[]> {
    return this.cache.wrap(KEY, TTL_SECONDS, async () => {
      const rows = await this.prisma.$queryRaw<{ tag: string }[]>`
        SELECT tag FROM article
          JOIN author ON author.id = article.author_id AND author.status <> 'disabled'
          CROSS JOIN LATERAL unnest(article.tag_list) AS tag
        GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${MOST_USED}`;
      return rows.map((row) => row.tag);
    });
  }

  forget(): Promise<void> {
    return this.cache.invalidate(KEY);
  }
}
