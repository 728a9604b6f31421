/** What a RealWorld article is, apart from how it is stored or shown. */
export interface ArticleDraft {
  title: string;
  description: string;
  body: string;
  tagList?: string[];
}

export type ArticleChanges = Partial<ArticleDraft>;

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 500;
export const BODY_MAX_LENGTH = 50_000;
export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 20;

/** Tags as the author gave them, trimmed, each once, in their first position. */
export function normalisedTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}
