import { distinctSlugOf, slugOf } from './slug';

describe('article slugs', () => {
  it('lower-cases the title and joins its words with dashes', () => {
    expect(slugOf('How to Train Your Dragon!')).toBe('how-to-train-your-dragon');
  });

  it('drops accents but keeps letters of other scripts', () => {
    expect(slugOf('Crème brûlée à la 東京')).toBe('creme-brulee-a-la-東京');
  });

  it('never yields an empty slug', () => {
    expect(slugOf('!!!')).toBe('article');
  });

  it('caps long titles without a trailing dash', () => {
    const slug = slugOf(`${'a'.repeat(95)} b`);
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('gives a second article of the same title a different slug with the same words', () => {
    const first = distinctSlugOf('Same title');
    const second = distinctSlugOf('Same title');
    expect(first).toMatch(/^same-title-[0-9a-f]{8}$/);
    expect(first).not.toBe(second);
  });
});
