import { ForbiddenError } from '@capstone/platform/http';
import type { Author } from './author';

/** Only its author may change or delete an article or a comment. */
export function assertAuthor(
  resource: { authorId: string },
  caller: Author,
  code: 'article_forbidden' | 'comment_forbidden',
): void {
  if (resource.authorId !== caller.id) {
    throw new ForbiddenError('Only its author may change or delete it', { code });
  }
}
