import { Injectable } from '@nestjs/common';
import { RedisCache } from '@capstone/platform/cache';
import type { Author } from './author';

const TTL_SECONDS = 300;
const keyOf = (id: string) => `author:${id}`;

/** Authors by id, as profiles and articles show them; every projection write forgets its entry. */
@Injectable()
export class AuthorCache {
  constructor(private readonly cache: RedisCache) {}

  read(id: string, load: () => Promise<Author | null>): Promise<Author | null> {
    return this.cache.wrap(keyOf(id), TTL_SECONDS, load);
  }

  forget(id: string): Promise<void> {
    return this.cache.invalidate(keyOf(id));
  }
}
