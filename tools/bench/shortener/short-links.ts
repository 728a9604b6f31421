import { assertLoopback, call } from '../loopback-http';

export const LINKS_PATH = '/api/shortener/v1/links';
export const redirectPath = (code: string) => `/s/${code}`;

export interface ShortLink {
  id: string;
  code: string;
  targetUrl: string;
}

/** Shortens `targetUrl` through the management API, as its owner would. */
export async function createLink(
  shortenerUrl: string,
  accessToken: string,
  targetUrl: string,
): Promise<ShortLink> {
  const answer = await call({
    url: shortenerUrl + LINKS_PATH,
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}` },
    body: { targetUrl },
  });
  if (answer.status !== 201)
    throw new Error(`creating a link answered ${answer.status}: ${answer.body}`);
  const { id, code, targetUrl: stored } = JSON.parse(answer.body) as ShortLink;
  return { id, code, targetUrl: stored };
}

/** A desktop browser's, so the clicks count people, not bots. */
export const VISITOR_HEADERS = {
  'User-Agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

/** One visit, not followed: the status and `Location` a browser would get. */
export async function visit(url: string): Promise<{ status: number; location: string | null }> {
  const response = await fetch(assertLoopback(url), {
    redirect: 'manual',
    headers: VISITOR_HEADERS,
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}

/** Fails unless `url` redirects to `location` with a 302, the answer every measured request must get. */
export async function expectRedirect(url: string, location: string): Promise<void> {
  const answer = await visit(url);
  if (answer.status !== 302 || answer.location !== location)
    throw new Error(
      `${url} answered ${answer.status} to ${answer.location}, not 302 to ${location}`,
    );
}

/** A link's clicks as its stats API counts them, or why none could be read. */
export type ClickCount = number | 'no stats API';

export const statsPath = (linkId: string) => `${LINKS_PATH}/${linkId}/stats`;

/** The clicks the stats API has counted for a link so far, bots included. */
export async function countedClicks(
  shortenerUrl: string,
  accessToken: string,
  linkId: string,
): Promise<ClickCount> {
  const answer = await call({
    url: shortenerUrl + statsPath(linkId),
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  // A route Nest does not know answers 404 with the generic code; an unknown link has its own.
  if (answer.status === 404 && !answer.body.includes('link_not_found')) return 'no stats API';
  if (answer.status !== 200)
    throw new Error(`${statsPath(linkId)} answered ${answer.status}: ${answer.body}`);
  const { total, bots } = JSON.parse(answer.body) as { total: number; bots: number };
  return total + bots;
}
