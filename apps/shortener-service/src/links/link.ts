export const REDIRECT_TYPES = [301, 302, 307, 308] as const;
export type RedirectType = (typeof REDIRECT_TYPES)[number];

export const TITLE_MAX_LENGTH = 200;
export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 10;
export const MAX_VISITS_LIMIT = 1_000_000_000;

/** A link as its owner manages it. */
export interface Link {
  id: string;
  code: string;
  ownerId: string;
  targetUrl: string;
  title: string | null;
  tags: string[];
  redirectType: RedirectType;
  forwardQuery: boolean;
  expiresAt: Date | null;
  maxVisits: number | null;
  passwordProtected: boolean;
  enabled: boolean;
  blocked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What an owner chooses when creating a link; everything but the target has a default. */
export interface LinkTerms {
  targetUrl: string;
  slug?: string;
  title?: string | null;
  tags?: string[];
  redirectType?: RedirectType;
  forwardQuery?: boolean;
  expiresAt?: Date | null;
  maxVisits?: number | null;
  password?: string | null;
  enabled?: boolean;
}

export type LinkChanges = Partial<Omit<LinkTerms, 'slug'>>;
