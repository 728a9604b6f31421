import type { Profile } from '../profiles/profile';

/** An article as stored, free of any reader: what the cache holds (JSON-safe, dates as ISO strings). */
export interface ArticleRecord {
  id: string;
  slug: string;
  title: string;
  description: string;
  body: string;
  bodyHtml: string;
  tagList: string[];
  favoritesCount: number;
  authorId: string;
  /** The cover: a ready image of the author's, or none. */
  coverMediaId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An article as one reader sees it. */
export interface ArticleView extends Omit<ArticleRecord, 'authorId'> {
  favorited: boolean;
  author: Profile;
}

interface ArticleRow extends Omit<ArticleRecord, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}

export function articleRecordOf(row: ArticleRow): ArticleRecord {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    body: row.body,
    bodyHtml: row.bodyHtml,
    tagList: row.tagList,
    favoritesCount: row.favoritesCount,
    authorId: row.authorId,
    coverMediaId: row.coverMediaId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function articleViewOf(
  { authorId: _authorId, ...record }: ArticleRecord,
  author: Profile,
  favorited: boolean,
): ArticleView {
  return { ...record, favorited, author };
}
