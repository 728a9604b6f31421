import { referrerHostOf, VisitorAgents } from './visitor-agent';

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describe('visitor agents', () => {
  const agents = new VisitorAgents();

  it('name the browser, OS and device of a desktop and a phone', () => {
    expect(agents.describe(CHROME_ON_WINDOWS)).toEqual({
      browser: 'Chrome',
      os: 'Windows',
      device: 'desktop',
      bot: false,
    });
    expect(agents.describe(SAFARI_ON_IPHONE)).toEqual({
      browser: 'Mobile Safari',
      os: 'iOS',
      device: 'mobile',
      bot: false,
    });
  });

  it('flag crawlers as bots', () => {
    expect(agents.describe(GOOGLEBOT).bot).toBe(true);
  });

  it('describe a missing agent as unknown, not as a desktop, and a meaningless one as a bot', () => {
    const unknown = { browser: null, os: null, device: 'unknown' };
    expect(agents.describe(undefined)).toEqual({ ...unknown, bot: false });
    expect(agents.describe('')).toEqual({ ...unknown, bot: false });
    expect(agents.describe('x')).toEqual({ ...unknown, bot: true });
  });

  it('answer a repeated agent from memory, and keep no more agents than their capacity', () => {
    const small = new VisitorAgents(2);
    const first = small.describe(CHROME_ON_WINDOWS);
    expect(small.describe(CHROME_ON_WINDOWS)).toBe(first);
    small.describe(SAFARI_ON_IPHONE);
    small.describe(GOOGLEBOT);
    // The oldest went to make room: it is parsed again, into an equal but new description.
    const again = small.describe(CHROME_ON_WINDOWS);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});

describe('referrer hosts', () => {
  it('keep only the host of a Referer, in lower case', () => {
    expect(referrerHostOf('https://News.YCombinator.com/item?id=1&secret=x')).toBe(
      'news.ycombinator.com',
    );
  });

  it('are null for a direct visit and for a Referer that is not a URL', () => {
    expect(referrerHostOf(undefined)).toBeNull();
    expect(referrerHostOf('')).toBeNull();
    expect(referrerHostOf('not a url')).toBeNull();
  });
});
