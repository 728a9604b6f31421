import { randomBytes } from 'node:crypto';

const MAX_SLUG_LENGTH = 96;

/** `"How to Train Your Dragon!"` → `"how-to-train-your-dragon"`; letters of any script are kept. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? 'article' : slug;
}

/** The slug of a second article with the same title: the same words and a short random tail. */
export function distinctSlugOf(title: string): string {
  return `${slugOf(title)}-${randomBytes(4).toString('hex')}`;
}
