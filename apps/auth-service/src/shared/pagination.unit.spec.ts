import { pageOf } from './pagination';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));

describe('keyset pages', () => {
  it('returns the first limit rows and the last one’s id as the cursor when one more was fetched', () => {
    expect(pageOf(rows('a', 'b', 'c'), 2)).toEqual({ items: rows('a', 'b'), nextCursor: 'b' });
  });

  it('has no next cursor on the last page, when no extra row was fetched', () => {
    expect(pageOf(rows('a', 'b'), 2)).toEqual({ items: rows('a', 'b'), nextCursor: null });
  });

  it('is an empty last page when nothing was fetched', () => {
    expect(pageOf([], 20)).toEqual({ items: [], nextCursor: null });
  });
});
