export type AuthorStatus = 'active' | 'disabled' | 'deleted';

/** What auth-service says about a user, from an `auth.users` event or a directory lookup. */
export interface AuthorSnapshot {
  id: string;
  username: string;
  email: string | null;
  bio: string | null;
  image: string | null;
  status: AuthorStatus;
  /** auth-service's profile version; 0 when the source did not say. */
  profileVersion: number;
}

/** An author as the blog shows them. */
export interface Author {
  id: string;
  username: string;
  bio: string | null;
  /** The avatar uploaded to the blog when there is one, otherwise the image auth-service holds. */
  image: string | null;
  status: AuthorStatus;
  profileVersion: number;
}

/** What is left of a deleted user: their content stays, their identity does not. */
export function anonymised(id: string): Omit<AuthorSnapshot, 'profileVersion' | 'status'> {
  return { id, username: `deleted-${id.slice(0, 8)}`, email: null, bio: null, image: null };
}

export const isVisible = (author: Pick<Author, 'status'>): boolean => author.status !== 'disabled';
