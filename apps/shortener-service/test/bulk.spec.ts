import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import { startShortenerStack, SHORT_LINK_BASE_URL, type ShortenerStack } from './shortener-stack';

interface LineResult {
  line: number;
  status: 'created' | 'failed';
  id?: string;
  shortUrl?: string;
  code?: string;
  error?: string;
  field?: string;
}

const LINKS = '/api/shortener/v1/links';
const HEADER = ['targetUrl', 'slug', 'title', 'tags', 'redirectType', 'expiresAt', 'maxVisits'];

const resultsOf = (response: Response): LineResult[] =>
  response.text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LineResult);

describe('bulk import and export of links', () => {
  let stack: ShortenerStack;
  let token: string;

  beforeAll(async () => {
    stack = await startShortenerStack('bulk');
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(() => stack.close());

  const upload = (csv: string, as = token) =>
    stack.shortener.http
      .post(`${LINKS}/import`)
      .set('Authorization', `Bearer ${as}`)
      .attach('file', Buffer.from(csv), { filename: 'links.csv', contentType: 'text/csv' })
      .buffer(true);

  const exported = async (as: string): Promise<Record<string, string>[]> => {
    const response = await stack.shortener.http
      .get(`${LINKS}/export.csv`)
      .set('Authorization', `Bearer ${as}`)
      .buffer(true)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="links.csv"');
    return parse(response.text, { columns: true }) as Record<string, string>[];
  };

  it('imports the good lines and reports why each bad one failed, line by line, in order', async () => {
    const taken = `taken-${Date.now()}`;
    const fresh = `fresh-${Date.now()}`;
    await stack.shortener.http
      .post(LINKS)
      .set('Authorization', `Bearer ${token}`)
      .send({ targetUrl: 'https://example.com/first', slug: taken })
      .expect(201);
    const csv =
      stringify([
        HEADER,
        ['https://example.com/a', '', 'Spring sale', 'campaign; spring', '301', '', '5'],
        ['not a url', '', '', '', '', '', ''],
        ['https://example.com/b', taken, '', '', '', '', ''],
        ['https://example.com/c', 'admin', '', '', '', '', ''],
        ['javascript:alert(1)', '', '', '', '', '', ''],
        ['https://example.com/d', '', '', '', '', '2000-01-01T00:00:00Z', ''],
        ['https://example.com/e', '', '', '', '303', '', ''],
        ['https://example.com/f', '', '', '', '', '', '1.5'],
        ['https://example.com/g', fresh.toUpperCase(), 'line\nbreak', '', '', '', ''],
        ['https://example.com/h', fresh, '', '', '', '', ''],
        ['https://example.com/i', '', '', '', '', '', '', 'one cell too many'],
      ]) + 'https://example.com/j,a"b,,,,,\n\nhttps://example.com/k\n';

    const response = await upload(csv).expect(200);

    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const results = resultsOf(response);
    const failure = (line: number, code: string, field?: string) => ({
      line,
      status: 'failed',
      code,
      error: expect.any(String),
      ...(field ? { field } : {}),
    });
    expect(results).toEqual([
      { line: 2, status: 'created', id: expect.any(String), shortUrl: expect.any(String) },
      failure(3, 'target_invalid', 'targetUrl'),
      failure(4, 'slug_taken', 'slug'),
      failure(5, 'slug_reserved', 'slug'),
      failure(6, 'target_scheme', 'targetUrl'),
      failure(7, 'expiry_in_past', 'expiresAt'),
      failure(8, 'is_in', 'redirectType'),
      failure(9, 'is_int', 'maxVisits'),
      // A quoted line break keeps the record whole; it is counted where the record ends.
      {
        line: 11,
        status: 'created',
        id: expect.any(String),
        shortUrl: `${SHORT_LINK_BASE_URL}/${fresh}`,
      },
      failure(12, 'slug_taken', 'slug'),
      failure(13, 'csv_too_many_cells'),
      failure(14, 'csv_unreadable'),
      { line: 16, status: 'created', id: expect.any(String), shortUrl: expect.any(String) },
    ]);

    const { body: sale } = await stack.shortener.http
      .get(`${LINKS}/${results[0].id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(sale).toMatchObject({
      targetUrl: 'https://example.com/a',
      title: 'Spring sale',
      tags: ['campaign', 'spring'],
      redirectType: 301,
      maxVisits: 5,
    });
    await stack.shortener.http.get(`/s/${fresh}`).expect(302);
  });

  it.each([
    ['an unknown column', 'targetUrl,slugs\nhttps://example.com,x\n', 'csv_column_unknown'],
    ['a repeated column', 'targetUrl,TargetURL\nhttps://example.com,x\n', 'csv_column_repeated'],
    ['no targetUrl column', 'slug,title\nabc,x\n', 'csv_column_missing'],
    ['an empty file', '', 'csv_empty'],
  ])('refuses a file with %s with 422, before creating anything', async (_case, csv, code) => {
    const response = await upload(csv).expect(422);

    expect(JSON.parse(response.text).errors).toEqual([
      { field: 'file', code, message: expect.any(String) },
    ]);
  });

  it('refuses an import request without a file with a 4xx', async () => {
    const noFile = await stack.shortener.http
      .post(`${LINKS}/import`)
      .set('Authorization', `Bearer ${token}`)
      .field('note', 'no file here');
    expect(noFile.status).toBe(422);
    const notMultipart = await stack.shortener.http
      .post(`${LINKS}/import`)
      .set('Authorization', `Bearer ${token}`)
      .send({ file: 'targetUrl\nhttps://example.com\n' });
    expect(notMultipart.status).toBeGreaterThanOrEqual(400);
    expect(notMultipart.status).toBeLessThan(500);
  });

  it('imports a file of 5,000 lines, then exports every link back as CSV', async () => {
    const owner = (await registerAndLogIn(stack.auth)).accessToken;
    const rows = Array.from({ length: 5000 }, (_, index) => [
      `https://example.com/bulk/${index}`,
      `Item ${index}`,
      `bulk;n${index % 7}`,
    ]);

    const response = await upload(
      stringify([['targetUrl', 'title', 'tags'], ...rows]),
      owner,
    ).expect(200);

    const results = resultsOf(response);
    expect(results.map(({ line }) => line)).toEqual(rows.map((_, index) => index + 2));
    expect(results.filter(({ status }) => status !== 'created')).toEqual([]);

    const links = await exported(owner);
    expect(links).toHaveLength(5000);
    // Newest first: the last line of the import is the first link of the export.
    expect(links.map(({ targetUrl, title, tags }) => [targetUrl, title, tags])).toEqual(
      [...rows].reverse(),
    );
    expect(links.map(({ id }) => id)).toEqual(results.map(({ id }) => id).reverse());
    expect(links[0]).toMatchObject({
      shortUrl: `${SHORT_LINK_BASE_URL}/${links[0].code}`,
      redirectType: '302',
      forwardQuery: 'false',
      expiresAt: '',
      maxVisits: '',
      passwordProtected: 'false',
      enabled: 'true',
      blocked: 'false',
    });
  }, 120_000);

  it("exports only the caller's own links", async () => {
    const stranger = (await registerAndLogIn(stack.auth)).accessToken;
    expect(await exported(stranger)).toEqual([]);
  });
});

describe('bulk import limits', () => {
  let stack: ShortenerStack;
  let token: string;

  beforeAll(async () => {
    stack = await startShortenerStack('bulk-limits', {
      environment: { IMPORT_MAX_LINES: '3', UPLOAD_LIMIT: '4kb' },
    });
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(() => stack.close());

  const upload = (csv: string) =>
    stack.shortener.http
      .post(`${LINKS}/import`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(csv), { filename: 'links.csv', contentType: 'text/csv' })
      .buffer(true)
      .expect(200);

  it('imports up to IMPORT_MAX_LINES lines and reports the first one past it, reading no further', async () => {
    const csv = `targetUrl\n${[1, 2, 3, 4, 5].map((n) => `https://example.com/${n}`).join('\n')}\n`;

    const results = resultsOf(await upload(csv));

    expect(results.map(({ line, status }) => [line, status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
      [5, 'failed'],
    ]);
    expect(results[3].code).toBe('import_line_limit');
  });

  it('stops at a file larger than UPLOAD_LIMIT, trusting no line that may have been cut short', async () => {
    const long = (n: number) => `https://example.com/${n}/${'x'.repeat(1500)}`;
    const csv = `targetUrl\n${[1, 2, 3].map(long).join('\n')}\n`;

    const results = resultsOf(await upload(csv));

    const last = results[results.length - 1];
    expect(last).toMatchObject({ status: 'failed', code: 'file_too_large' });
    const created = results.slice(0, -1);
    expect(created.every(({ status }) => status === 'created')).toBe(true);
    for (const { id } of created) {
      const { body } = await stack.shortener.http
        .get(`${LINKS}/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect([1, 2, 3].map(long)).toContain(body.targetUrl);
    }
  });
});
