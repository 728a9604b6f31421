import { excerptOf } from './comment';

describe('comment excerpts', () => {
  it('keep a short comment whole, on one line', () => {
    expect(excerptOf('Nice\n\n  article!')).toBe('Nice article!');
  });

  it('cut a long comment at a word and mark the cut', () => {
    const excerpt = excerptOf('word '.repeat(100));
    expect(excerpt.length).toBeLessThanOrEqual(140);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
