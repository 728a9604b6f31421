import { parse } from 'csv-parse/sync';
import { eventually } from '@capstone/platform/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { provisionAndLogIn } from '../../auth-service/test/provisioned-accounts';
import { ClickRetention } from '../src/clicks/click-retention';
import { clickBatch, clicksOn, createLink, publishToClicks, statsOf, visit } from './click-traffic';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

const DAY_MS = 86_400_000;

describe('link statistics', () => {
  let stack: ShortenerStack;
  let token: string;
  const api = () => stack.shortener.http;
  const exportOf = (linkId: string, query: Record<string, string> = {}, as = token) =>
    api()
      .get(`/api/shortener/v1/links/${linkId}/clicks.csv`)
      .query(query)
      .set('Authorization', `Bearer ${as}`);
  const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { columns: true });

  beforeAll(async () => {
    stack = await startShortenerStack('stats', {
      environment: { CLICK_FLUSH_INTERVAL_MS: '100', CLICK_RETENTION_DAYS: '30' },
    });
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(() => stack.close());

  it("shows a link's statistics to its owner and to administrators, and answers 404 to anyone else", async () => {
    const link = await createLink(api(), token);
    await visit(stack.gateway, link.code, 0).expect(302);
    await eventually(async () => expect((await statsOf(api(), token, link.id)).total).toBe(1));

    const admin = await provisionAndLogIn(stack.auth, `stats_admin_${Date.now()}`, { admin: true });
    expect((await statsOf(api(), admin.accessToken, link.id)).total).toBe(1);
    const stranger = (await registerAndLogIn(stack.auth)).accessToken;
    for (const path of ['stats', 'clicks.csv']) {
      const { body } = await api()
        .get(`/api/shortener/v1/links/${link.id}/${path}`)
        .set('Authorization', `Bearer ${stranger}`)
        .expect(404);
      expect(body.code).toBe('link_not_found');
    }
    await api().get(`/api/shortener/v1/links/${link.id}/stats`).expect(401);
  });

  it.each([
    [
      'a range that ends before it starts',
      { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' },
      'range_inverted',
    ],
    [
      'more than 90 days by hour',
      { from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z', granularity: 'hour' },
      'range_too_long',
    ],
    ['a time that is not one', { from: 'yesterday' }, 'is_date'],
    ['an unknown granularity', { granularity: 'week' }, 'is_in'],
    ['a top of more than 50', { top: '51' }, 'max'],
  ])('refuses %s with 422 and a stable code', async (_case, query, code) => {
    const link = await createLink(api(), token);
    const { body } = await api()
      .get(`/api/shortener/v1/links/${link.id}/stats`)
      .query(query)
      .set('Authorization', `Bearer ${token}`)
      .expect(422);
    expect(body.errors.map((error: { code: string }) => error.code)).toContain(code);
  });

  it('keeps the top entries of each breakdown, as many as asked for', async () => {
    const link = await createLink(api(), token);
    await publishToClicks(stack, [
      JSON.stringify(
        clickBatch([
          ...clicksOn(link.id, 3, { browser: 'Chrome' }),
          ...clicksOn(link.id, 2, { browser: 'Firefox' }),
          ...clicksOn(link.id, 1, { browser: 'Edge' }),
        ]),
      ),
    ]);
    await eventually(async () => expect((await statsOf(api(), token, link.id)).total).toBe(6));
    const stats = await statsOf(api(), token, link.id, { top: 2 });
    expect(stats.browsers).toEqual([
      { value: 'Chrome', clicks: 3 },
      { value: 'Firefox', clicks: 2 },
    ]);
    expect(stats.devices).toEqual([{ value: 'desktop', clicks: 6 }]);
  });

  it("streams every one of a link's clicks as CSV, oldest first, across many pages of equal times", async () => {
    const link = await createLink(api(), token);
    const sameMoment = new Date(Date.now() - 60_000).toISOString();
    await publishToClicks(stack, [
      JSON.stringify(clickBatch(clicksOn(link.id, 1_000, { at: sameMoment }))),
      JSON.stringify(clickBatch(clicksOn(link.id, 1_000, { at: sameMoment }))),
      JSON.stringify(
        clickBatch([
          ...clicksOn(link.id, 499),
          ...clicksOn(link.id, 1, { bot: true, browser: null, referrerHost: 'crawler.example' }),
        ]),
      ),
    ]);
    await eventually(
      async () => {
        const stats = await statsOf(api(), token, link.id);
        expect(stats.total + stats.bots).toBe(2_500);
      },
      { timeoutMs: 20_000 },
    );

    const answer = await exportOf(link.id).expect(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="${link.code}-clicks.csv"`,
    );
    expect(answer.text.split('\n')[0]).toBe('at,referrer_host,browser,os,device,bot');
    const rows = rowsOf(answer.text);
    expect(rows).toHaveLength(2_500);
    expect(rows.slice(0, 2_000).every((row) => row.at === sameMoment)).toBe(true);
    expect(rows.filter((row) => row.bot === 'true')).toEqual([
      expect.objectContaining({ referrer_host: 'crawler.example', browser: '', device: 'desktop' }),
    ]);
    const times = rows.map((row) => row.at);
    expect([...times].sort()).toEqual(times);

    const recent = rowsOf(
      (await exportOf(link.id, { from: new Date(Date.now() - 30_000).toISOString() }).expect(200))
        .text,
    );
    expect(recent).toHaveLength(500);
  });

  it('forgets individual clicks past their retention and keeps counting them in the totals', async () => {
    const link = await createLink(api(), token);
    const longAgo = new Date(Date.now() - 40 * DAY_MS).toISOString();
    await publishToClicks(stack, [
      JSON.stringify(
        clickBatch([...clicksOn(link.id, 2, { at: longAgo }), ...clicksOn(link.id, 3)]),
      ),
    ]);
    const lastTwoMonths = { from: new Date(Date.now() - 60 * DAY_MS).toISOString() };
    await eventually(async () =>
      expect((await statsOf(api(), token, link.id, lastTwoMonths)).total).toBe(5),
    );
    expect(rowsOf((await exportOf(link.id).expect(200)).text)).toHaveLength(5);

    expect(await stack.shortener.app.get(ClickRetention).sweep()).toBeGreaterThanOrEqual(2);

    expect(rowsOf((await exportOf(link.id).expect(200)).text)).toHaveLength(3);
    expect((await statsOf(api(), token, link.id, lastTwoMonths)).total).toBe(5);
  });
});
