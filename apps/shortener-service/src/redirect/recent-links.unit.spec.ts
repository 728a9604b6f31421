import { RecentLinks } from './recent-links';
import type { ResolvedLink } from './resolved-link';

const link = (id: string): ResolvedLink => ({
  id,
  targetUrl: `https://example.com/${id}`,
  redirectType: 302,
  forwardQuery: false,
  expiresAtMs: null,
  maxVisits: null,
  passwordHash: null,
  active: true,
});

describe('recent links', () => {
  it('answer a remembered link until its time is up, then forget it', () => {
    const recent = new RecentLinks(10, 1_000);
    recent.remember('abc', link('a'), 5_000);

    expect(recent.get('abc', 5_999)).toEqual(link('a'));
    expect(recent.get('abc', 6_000)).toBeUndefined();
    expect(recent.size).toBe(0);
  });

  it('let the oldest entry go first once full, counting a re-remembered link as new', () => {
    const recent = new RecentLinks(2, 1_000);
    recent.remember('one', link('1'), 0);
    recent.remember('two', link('2'), 0);
    recent.remember('one', link('1'), 10);
    recent.remember('three', link('3'), 20);

    expect(recent.get('two', 30)).toBeUndefined();
    expect(recent.get('one', 30)).toEqual(link('1'));
    expect(recent.get('three', 30)).toEqual(link('3'));
  });

  it('forget a code at once when told to', () => {
    const recent = new RecentLinks(10, 1_000);
    recent.remember('abc', link('a'), 0);
    recent.forget('abc');

    expect(recent.get('abc', 1)).toBeUndefined();
  });
});
