import { ClicksRecorded, type RecordedClick } from '@capstone/contracts';
import { testEndpoints } from '@capstone/platform/testing';
import { Kafka, logLevel } from 'kafkajs';
import type request from 'supertest';
import type { ShortenerStack } from './shortener-stack';

type Agent = ReturnType<typeof request>;

export const USER_AGENTS = {
  chromeOnWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  safariOnIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  firefoxOnLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
};

/** Five kinds of visitor, one bot among them; visit `i` is of kind `i % 5`. */
export const VISITORS: readonly { userAgent: string; referer?: string }[] = [
  { userAgent: USER_AGENTS.chromeOnWindows, referer: 'https://news.ycombinator.com/item?id=1' },
  { userAgent: USER_AGENTS.safariOnIphone, referer: 'https://www.google.com/' },
  { userAgent: USER_AGENTS.firefoxOnLinux },
  { userAgent: USER_AGENTS.googlebot },
  { userAgent: USER_AGENTS.chromeOnWindows, referer: 'https://www.google.com/search?q=x' },
];

/** The statistics `n` visits of `VISITORS` (in turn) add up to. */
export function expectedStatsOf(n: number) {
  const of = (kind: number) => Math.floor(n / 5) + (n % 5 > kind ? 1 : 0);
  const [hn, iphone, firefox, bot, google] = [0, 1, 2, 3, 4].map(of);
  const byCount = (entries: [string, number][]) =>
    entries
      .filter(([, clicks]) => clicks > 0)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)) // ties by code point, as the API orders them
      .map(([value, clicks]) => ({ value, clicks }));
  return {
    total: n - bot,
    bots: bot,
    topReferrers: byCount([
      ['www.google.com', iphone + google],
      ['news.ycombinator.com', hn],
      ['(direct)', firefox],
    ]),
    browsers: byCount([
      ['Chrome', hn + google],
      ['Mobile Safari', iphone],
      ['Firefox', firefox],
    ]),
    os: byCount([
      ['Windows', hn + google],
      ['iOS', iphone],
      ['Linux', firefox],
    ]),
    devices: byCount([
      ['desktop', hn + google + firefox],
      ['mobile', iphone],
    ]),
  };
}

export function visit(through: Agent, code: string, index: number) {
  const { userAgent, referer } = VISITORS[index % VISITORS.length];
  const call = through.get(`/s/${code}`).set('User-Agent', userAgent);
  return referer ? call.set('Referer', referer) : call;
}

export async function createLink(api: Agent, token: string): Promise<{ id: string; code: string }> {
  const { body } = await api
    .post('/api/shortener/v1/links')
    .set('Authorization', `Bearer ${token}`)
    .send({ targetUrl: 'https://example.com/landing' })
    .expect(201);
  return body;
}

export async function statsOf(
  api: Agent,
  token: string,
  linkId: string,
  query: Record<string, string | number> = {},
) {
  const { body } = await api
    .get(`/api/shortener/v1/links/${linkId}/stats`)
    .query(query)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return body;
}

export function clicksOn(linkId: string, count: number, overrides: Partial<RecordedClick> = {}) {
  return Array.from({ length: count }, (): RecordedClick => ({
    linkId,
    at: new Date().toISOString(),
    referrerHost: null,
    browser: 'Firefox',
    os: 'Linux',
    device: 'desktop',
    bot: false,
    ...overrides,
  }));
}

export function clickBatch(clicks: RecordedClick[]) {
  return ClicksRecorded.create({ source: 'test', subject: 'test', data: { clicks } });
}

/** Publishes raw values to the stack's `shortener.clicks`, as another producer (or a broken one) would. */
export async function publishToClicks(stack: ShortenerStack, values: string[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'clicks-test',
    brokers: testEndpoints.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: stack.topic('shortener.clicks'),
      messages: values.map((value) => ({ value })),
    });
  } finally {
    await producer.disconnect();
  }
}
