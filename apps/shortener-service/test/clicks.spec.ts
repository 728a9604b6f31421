import { awaitKafkaMessage, eventually, metricValue } from '@capstone/platform/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import {
  clickBatch,
  clicksOn,
  createLink,
  expectedStatsOf,
  publishToClicks,
  statsOf,
  visit,
} from './click-traffic';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

describe('click counting', () => {
  let stack: ShortenerStack;
  let token: string;
  const api = () => stack.shortener.http;
  const consumed = (outcome: string) =>
    metricValue('event_consumer_messages_total', {
      topic: stack.topic('shortener.clicks'),
      outcome,
    });

  beforeAll(async () => {
    stack = await startShortenerStack('clicks', {
      environment: { CLICK_FLUSH_INTERVAL_MS: '100', CLICK_BATCH_SIZE: '100' },
    });
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(() => stack.close());

  it('counts exactly one click per redirect of 500 fired at once through the gateway, bots apart, with breakdowns that add up', async () => {
    const link = await createLink(api(), token);
    const publishedBefore = await metricValue('shortener_clicks_published_total');
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => visit(stack.gateway, link.code, i)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(500).fill(302));

    const expected = expectedStatsOf(500);
    const stats = await eventually(
      async () => {
        const body = await statsOf(api(), token, link.id);
        expect(body.total + body.bots).toBe(500);
        return body;
      },
      { timeoutMs: 30_000 },
    );
    expect(stats).toMatchObject(expected);
    expect(stats.total).toBe(400);
    expect(stats.bots).toBe(100);
    const seriesSum = (series: { clicks: number }[]) =>
      series.reduce((sum, point) => sum + point.clicks, 0);
    expect(seriesSum(stats.series)).toBe(400);
    expect(await metricValue('shortener_clicks_published_total')).toBe(publishedBefore + 500);

    const hourly = await statsOf(api(), token, link.id, { granularity: 'hour' });
    expect(hourly).toMatchObject({ total: 400, bots: 100, browsers: expected.browsers });
    expect(hourly.series).toHaveLength(24);
    expect(seriesSum(hourly.series)).toBe(400);
  });

  it('counts a batch delivered twice once', async () => {
    const link = await createLink(api(), token);
    const batch = JSON.stringify(clickBatch(clicksOn(link.id, 7)));
    const duplicatesBefore = await consumed('duplicate');
    await publishToClicks(stack, [batch, batch]);

    await eventually(async () => expect(await consumed('duplicate')).toBe(duplicatesBefore + 1), {
      timeoutMs: 20_000,
    });
    expect((await statsOf(api(), token, link.id)).total).toBe(7);
  });

  it('drops the clicks of a link deleted meanwhile and counts the rest of their batch', async () => {
    const kept = await createLink(api(), token);
    const deleted = await createLink(api(), token);
    await api()
      .delete(`/api/shortener/v1/links/${deleted.id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
    const deadBefore = await consumed('dead_lettered');
    const processedBefore = await consumed('processed');
    await publishToClicks(stack, [
      JSON.stringify(clickBatch([...clicksOn(kept.id, 3), ...clicksOn(deleted.id, 4)])),
    ]);

    await eventually(async () => expect(await consumed('processed')).toBe(processedBefore + 1), {
      timeoutMs: 20_000,
    });
    expect((await statsOf(api(), token, kept.id)).total).toBe(3);
    expect(await consumed('dead_lettered')).toBe(deadBefore);
  });

  it('parks a poisoned message and a batch that breaks the contract in the dead-letter topic, and goes on counting', async () => {
    const link = await createLink(api(), token);
    const broken = { ...clickBatch(clicksOn(link.id, 1)), data: { clicks: [] } };
    await publishToClicks(stack, [
      'not json',
      JSON.stringify(broken),
      JSON.stringify(clickBatch(clicksOn(link.id, 5))),
    ]);

    const dlq = `${stack.topic('shortener.clicks')}.dlq`;
    await awaitKafkaMessage(dlq, (message) => message.value === 'not json', { timeoutMs: 20_000 });
    const parked = await awaitKafkaMessage(
      dlq,
      (message) => message.value?.includes(broken.id) ?? false,
    );
    expect(parked.headers['x-dlq-error']).toMatch(/clicks/);
    await eventually(async () => expect((await statsOf(api(), token, link.id)).total).toBe(5), {
      timeoutMs: 20_000,
    });
  });
});
