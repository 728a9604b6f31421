import {
  describeWhenKafkaIsOurs,
  eventually,
  managedKafka,
  metricValue,
} from '@capstone/platform/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import { ClickSpill } from '../src/clicks/click-spill';
import { createLink, statsOf, visit } from './click-traffic';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

// The promise: an outage of at least a minute loses no click.
const OUTAGE_MS = 60_000;

describeWhenKafkaIsOurs('clicks across a Kafka outage', () => {
  let stack: ShortenerStack;

  beforeAll(async () => {
    // The smallest buffer there is, so the outage's clicks go through the Redis spill.
    stack = await startShortenerStack('clicks-outage', {
      environment: {
        CLICK_FLUSH_INTERVAL_MS: '200',
        CLICK_BATCH_SIZE: '500',
        CLICK_BUFFER_SIZE: '2000',
      },
    });
  });

  afterAll(() => stack.close());

  it('counts every click of the redirects served while Kafka is down for a minute, kept in memory and then in Redis', async () => {
    const kafka = await managedKafka();
    if (!kafka) throw new Error('Kafka stopped being capstone-managed during the run');
    const token = (await registerAndLogIn(stack.auth)).accessToken;
    const api = stack.shortener.http;
    const link = await createLink(api, token);
    const counted = async () => {
      const stats = await statsOf(api, token, link.id);
      return stats.total + stats.bots;
    };
    await visit(stack.gateway, link.code, 0).expect(302);
    await eventually(async () => expect(await counted()).toBe(1), { timeoutMs: 20_000 });
    const spill = stack.shortener.app.get(ClickSpill);
    const spilledBefore = await metricValue('shortener_clicks_spilled_total');
    const droppedBefore = await metricValue('shortener_clicks_dropped_total');

    let visits = 1;
    await kafka.stop();
    try {
      // Redirects go on, one after another, for the whole outage: each one must still answer.
      const outageEnds = Date.now() + OUTAGE_MS;
      while (Date.now() < outageEnds) {
        await visit(stack.gateway, link.code, visits).expect(302);
        visits += 1;
      }
      expect(await metricValue('shortener_clicks_spilled_total')).toBeGreaterThan(spilledBefore);
      expect(await spill.length()).toBeGreaterThan(0);
    } finally {
      await kafka.start();
    }

    await eventually(async () => expect(await counted()).toBe(visits), { timeoutMs: 60_000 });
    await eventually(async () => expect(await spill.length()).toBe(0));
    expect(await metricValue('shortener_clicks_dropped_total')).toBe(droppedBefore);
  }, 240_000);
});
