import type { ResolvedLink } from './resolved-link';

// Whole strings, not templates: the redirect path builds none per request.
const KEEP_FOR_A_DAY = 'public, max-age=86400';
const ASK_FIRST = 'private, no-cache';
const NEVER_STORE = 'no-store';

/** The query string of a request target (`/s/abc?x=1` → `x=1`), '' when it has none. */
export function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}

/** Where a visit goes: the target, with the visitor's query string appended when the link says so. */
export function locationFor(link: ResolvedLink, visitorQuery: string): string {
  if (!link.forwardQuery || visitorQuery === '') return link.targetUrl;
  const target = new URL(link.targetUrl);
  for (const [name, value] of new URLSearchParams(visitorQuery))
    target.searchParams.append(name, value);
  return target.toString();
}

/**
 * What a browser may remember. A link whose every visit must reach us (capped, expiring, or
 * behind a password) is never stored; a permanent one for a day; a temporary one only after asking.
 */
export function cacheControlFor(link: ResolvedLink): string {
  if (link.maxVisits !== null || link.expiresAtMs !== null || link.passwordHash !== null)
    return NEVER_STORE;
  if (link.redirectType === 301 || link.redirectType === 308) return KEEP_FOR_A_DAY;
  return ASK_FIRST;
}
