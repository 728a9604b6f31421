import { customSlug, randomCode, RANDOM_CODE_LENGTH } from './link-code';

describe('link codes', () => {
  it('are random base62 strings of the fixed length', () => {
    const codes = new Set(Array.from({ length: 1000 }, randomCode));
    expect(codes.size).toBe(1000);
    for (const code of codes)
      expect(code).toMatch(new RegExp(`^[0-9A-Za-z]{${RANDOM_CODE_LENGTH}}$`));
  });

  it('take custom slugs in lower case, whatever case they were typed in', () => {
    expect(customSlug('  Spring-Sale ')).toEqual({ slug: 'spring-sale' });
  });

  it('refuse slugs with other characters, edge dashes, or outside 3 to 64 characters', () => {
    for (const slug of ['ab', 'x'.repeat(65), '-lead', 'trail-', 'with space', 'ünï', 'a/b'])
      expect(customSlug(slug)).toEqual({ problem: 'invalid' });
  });

  it('refuse reserved words', () => {
    expect(customSlug('API')).toEqual({ problem: 'reserved' });
    expect(customSlug('health')).toEqual({ problem: 'reserved' });
  });
});
