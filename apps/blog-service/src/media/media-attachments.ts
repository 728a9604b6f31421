import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { ConflictError } from '@capstone/platform/http';
import { ArticleCache } from '../articles/article-cache';
import { ArticleListCache } from '../articles/article-list-cache';
import { ArticleReader } from '../articles/article-reader';
import { AuthorProjection } from '../authors/author-projection';
import { assertAuthor } from '../authors/authorship';
import { Authors } from '../authors/authors';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import { profileOf, type Profile } from '../profiles/profile';
import { imageLinksOf, type ImageLinks } from './media';
import { MediaLibrary } from './media-library';

export interface ArticleCover {
  slug: string;
  coverImage: ImageLinks | null;
}

/** Ready images put to use: an article's cover (by its author) and the caller's avatar. */
@Injectable()
export class MediaAttachments {
  constructor(
    private readonly prisma: PrismaService,
    private readonly library: MediaLibrary,
    private readonly articles: ArticleReader,
    private readonly articleCache: ArticleCache,
    private readonly lists: ArticleListCache,
    private readonly authors: Authors,
    private readonly projection: AuthorProjection,
  ) {}

  async setCover(slug: string, mediaId: string | null, caller: Principal): Promise<ArticleCover> {
    const [article, author] = await Promise.all([
      this.articles.record(slug),
      this.authors.caller(caller),
    ]);
    assertAuthor(article, author, 'article_forbidden');
    if (mediaId !== null) await this.library.attachable(mediaId, author.id, 'cover');
    try {
      await this.prisma.article.update({
        where: { id: article.id },
        data: { coverMediaId: mediaId },
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('This image is already the cover of another article', {
          code: 'media_in_use',
          fieldErrors: [
            { field: 'mediaId', message: 'is the cover of another article', code: 'media_in_use' },
          ],
        });
      }
      throw error;
    }
    // Listed articles carry their cover (GraphQL and the native API show it).
    await Promise.all([this.articleCache.forget(article.slug), this.lists.forgetAll()]);
    return { slug: article.slug, coverImage: mediaId === null ? null : imageLinksOf(mediaId) };
  }

  async setAvatar(mediaId: string | null, caller: Principal): Promise<Profile> {
    const author = await this.authors.caller(caller);
    if (mediaId !== null) await this.library.attachable(mediaId, author.id, 'avatar');
    await this.projection.changeAvatar(author.id, mediaId);
    const updated = await this.authors.byId(author.id);
    // Nobody follows themselves.
    return profileOf(updated ?? author, false);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
