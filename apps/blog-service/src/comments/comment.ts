import type { Profile } from '../profiles/profile';

export const COMMENT_MAX_LENGTH = 10_000;
const EXCERPT_LENGTH = 140;

export interface CommentView {
  id: number;
  createdAt: string;
  updatedAt: string;
  body: string;
  bodyHtml: string;
  author: Profile;
}

/** The start of a comment for a notification: whole words, at most 140 characters. */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}
