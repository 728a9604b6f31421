import { mediaLink } from '../media/media';
import type { Author } from './author';

interface AuthorRow {
  id: string;
  username: string;
  bio: string | null;
  image: string | null;
  status: Author['status'];
  profileVersion: number;
  avatarMediaId: string | null;
}

/**
 * An author row as the blog shows it. Only ready images can be made an avatar, so the column
 * alone says there is one to show: lists need no join to the media table.
 */
export function authorOf(row: AuthorRow): Author {
  return {
    id: row.id,
    username: row.username,
    bio: row.bio,
    // A deleted user's avatar is part of the identity they took with them.
    image:
      row.avatarMediaId && row.status !== 'deleted'
        ? mediaLink(row.avatarMediaId, 'small')
        : row.image,
    status: row.status,
    profileVersion: row.profileVersion,
  };
}
