import { cacheControlFor, locationFor, queryOf } from './redirect-answer';
import type { ResolvedLink } from './resolved-link';

const link = (overrides: Partial<ResolvedLink> = {}): ResolvedLink => ({
  id: 'l1',
  targetUrl: 'https://example.com/page?ref=short',
  redirectType: 302,
  forwardQuery: false,
  expiresAtMs: null,
  maxVisits: null,
  passwordHash: null,
  active: true,
  ...overrides,
});

describe('redirect answers', () => {
  it('send the visitor to the target as stored, ignoring their query unless asked to forward it', () => {
    expect(locationFor(link(), 'utm=x')).toBe('https://example.com/page?ref=short');
    expect(locationFor(link({ forwardQuery: true }), 'utm=x&ref=mine')).toBe(
      'https://example.com/page?ref=short&utm=x&ref=mine',
    );
  });

  it("read the visitor's query string from the request target", () => {
    expect(queryOf('/s/abc')).toBe('');
    expect(queryOf('/s/abc?utm=x&ref=mine')).toBe('utm=x&ref=mine');
    expect(queryOf('/s/abc?')).toBe('');
  });

  it('let browsers keep permanent redirects for a day and revalidate temporary ones', () => {
    expect(cacheControlFor(link({ redirectType: 301 }))).toBe('public, max-age=86400');
    expect(cacheControlFor(link({ redirectType: 308 }))).toBe('public, max-age=86400');
    expect(cacheControlFor(link({ redirectType: 302 }))).toBe('private, no-cache');
    expect(cacheControlFor(link({ redirectType: 307 }))).toBe('private, no-cache');
  });

  it('never let a browser store a link whose every visit must be checked', () => {
    expect(cacheControlFor(link({ redirectType: 301, maxVisits: 5 }))).toBe('no-store');
    expect(cacheControlFor(link({ expiresAtMs: Date.now() + 1000 }))).toBe('no-store');
    expect(cacheControlFor(link({ passwordHash: 'x' }))).toBe('no-store');
  });
});
