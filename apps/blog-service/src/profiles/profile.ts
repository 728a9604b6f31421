import type { Author } from '../authors/author';

/** An author as one reader sees them. */
export interface Profile {
  username: string;
  bio: string | null;
  image: string | null;
  following: boolean;
}

export function profileOf(author: Author, following: boolean): Profile {
  return { username: author.username, bio: author.bio, image: author.image, following };
}
