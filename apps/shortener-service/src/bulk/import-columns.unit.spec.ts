import { createBodyOf, importColumnsOf } from './import-columns';

describe('import files', () => {
  it('name their columns in any order and any case', () => {
    expect(importColumnsOf([' TargetURL ', 'slug', 'MAXVISITS'])).toEqual({
      columns: ['targetUrl', 'slug', 'maxVisits'],
    });
  });

  it('must name targetUrl, and no column twice or unknown', () => {
    const codeOf = (header: string[]) => {
      const columns = importColumnsOf(header);
      return 'problem' in columns ? columns.problem.code : undefined;
    };
    expect(codeOf(['slug'])).toBe('csv_column_missing');
    expect(codeOf(['targetUrl', 'targeturl'])).toBe('csv_column_repeated');
    expect(codeOf(['targetUrl', 'password'])).toBe('csv_column_unknown');
  });

  it('become create requests without their empty cells, with tags split on semicolons', () => {
    expect(
      createBodyOf(
        ['targetUrl', 'slug', 'title', 'tags'],
        [' https://example.com ', '', 'Sale', 'a; b;;c '],
      ),
    ).toEqual({ body: { targetUrl: 'https://example.com', title: 'Sale', tags: ['a', 'b', 'c'] } });
  });

  it('read numbers as numbers, and leave anything else as text for validation to refuse', () => {
    expect(createBodyOf(['redirectType', 'maxVisits'], ['301', '2.5'])).toEqual({
      body: { redirectType: 301, maxVisits: 2.5 },
    });
    expect(createBodyOf(['maxVisits', 'title'], ['lots', '42'])).toEqual({
      body: { maxVisits: 'lots', title: '42' },
    });
  });

  it('take a line with fewer cells than columns, but not one with more', () => {
    expect(createBodyOf(['targetUrl', 'slug'], ['https://example.com'])).toEqual({
      body: { targetUrl: 'https://example.com' },
    });
    expect(createBodyOf(['targetUrl'], ['https://example.com', 'extra'])).toEqual({
      problem: { code: 'csv_too_many_cells', message: 'the line has 2 cells; the header names 1' },
    });
  });
});
