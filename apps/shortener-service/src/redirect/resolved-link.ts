import type { RedirectType } from '../links/link';
import type { LinkRow } from '../links/link-row';

/** What a redirect needs to know about a code: what the cache holds (JSON-safe, times in ms). */
export interface ResolvedLink {
  id: string;
  targetUrl: string;
  redirectType: RedirectType;
  forwardQuery: boolean;
  expiresAtMs: number | null;
  maxVisits: number | null;
  passwordHash: string | null;
  /** Enabled by its owner and not blocked by an administrator. */
  active: boolean;
}

export function resolvedLinkOf(row: LinkRow): ResolvedLink {
  return {
    id: row.id,
    targetUrl: row.targetUrl,
    redirectType: row.redirectType as RedirectType,
    forwardQuery: row.forwardQuery,
    expiresAtMs: row.expiresAt?.getTime() ?? null,
    maxVisits: row.maxVisits,
    passwordHash: row.passwordHash,
    active: row.enabled && row.blockedAt === null,
  };
}
