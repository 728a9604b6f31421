import { checkTarget } from './target-url';

const rules = { ownHost: 'sho.rt', blockedHosts: ['evil.example'] };

describe('link targets', () => {
  it('accept http and https web addresses, normalised', () => {
    expect(checkTarget('https://Example.com/a?b=1', rules)).toEqual({
      url: 'https://example.com/a?b=1',
    });
    expect(checkTarget('http://example.com', rules)).toEqual({ url: 'http://example.com/' });
  });

  it('refuse other schemes, including javascript: and data:', () => {
    for (const raw of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://example.com',
      'file:///etc/passwd',
    ])
      expect(checkTarget(raw, rules)).toEqual({ problem: 'scheme' });
  });

  it('refuse what is not a URL, and credentials in one', () => {
    expect(checkTarget('not a url', rules)).toEqual({ problem: 'invalid' });
    expect(checkTarget('https://user:pw@example.com', rules)).toEqual({ problem: 'invalid' });
  });

  it('refuse a link to the shortener itself, which could loop', () => {
    expect(checkTarget('https://SHO.RT./abc', rules)).toEqual({ problem: 'loop' });
  });

  it('refuse blocked hosts and their subdomains', () => {
    expect(checkTarget('https://evil.example/x', rules)).toEqual({ problem: 'blocked' });
    expect(checkTarget('https://www.evil.example/x', rules)).toEqual({ problem: 'blocked' });
    expect(checkTarget('https://notevil.example/x', rules)).toEqual({
      url: 'https://notevil.example/x',
    });
  });

  it('refuse overlong targets', () => {
    expect(checkTarget(`https://example.com/${'a'.repeat(2100)}`, rules)).toEqual({
      problem: 'too_long',
    });
  });
});
