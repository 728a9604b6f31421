/** A link's public address: SHORT_LINK_BASE_URL, then its code. */
export function shortUrlOf(base: string, code: string): string {
  return `${base.replace(/\/$/, '')}/${code}`;
}
