import type { ResolvedLink } from './resolved-link';

const PERMANENT_MAX_AGE_SECONDS = 86_400;

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
    return 'no-store';
  if (link.redirectType === 301 || link.redirectType === 308)
    return `public, max-age=${PERMANENT_MAX_AGE_SECONDS}`;
  return 'private, no-cache';
}
