export const TARGET_URL_MAX_LENGTH = 2048;

export type TargetProblem = 'invalid' | 'scheme' | 'too_long' | 'loop' | 'blocked';

export interface TargetRules {
  /** The shortener's own host: a link to it could redirect forever. */
  ownHost: string;
  /** Hosts (and their subdomains) no link may point at. */
  blockedHosts: readonly string[];
}

/** A target as stored (normalised by the URL parser), or why no link may point there. */
export function checkTarget(
  raw: string,
  rules: TargetRules,
): { url: string } | { problem: TargetProblem } {
  if (raw.length > TARGET_URL_MAX_LENGTH) return { problem: 'too_long' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: 'invalid' };
  }
  // javascript:, data:, file: and the rest are refused: a short link only ever leads to a web page.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (url.hostname === '' || url.username !== '' || url.password !== '')
    return { problem: 'invalid' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === rules.ownHost.toLowerCase()) return { problem: 'loop' };
  if (rules.blockedHosts.some((blocked) => host === blocked || host.endsWith(`.${blocked}`)))
    return { problem: 'blocked' };
  return { url: url.toString() };
}
