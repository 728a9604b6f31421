import type { Author } from './author';

interface AuthorRow {
  id: string;
  username: string;
  bio: string | null;
  image: string | null;
  status: Author['status'];
  profileVersion: number;
}

/** An author row as the blog shows it. */
export function authorOf(row: AuthorRow): Author {
  return {
    id: row.id,
    username: row.username,
    bio: row.bio,
    image: row.image,
    status: row.status,
    profileVersion: row.profileVersion,
  };
}
