import { eventually } from '@capstone/platform/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import { createLink, statsOf, visit } from './click-traffic';
import { startShortenerStack, type ShortenerStack } from './shortener-stack';

describe('clicks across a graceful shutdown', () => {
  let stack: ShortenerStack;

  beforeAll(async () => {
    // Nothing is flushed on its own while the test runs: whatever gets published, shutdown published.
    stack = await startShortenerStack('clicks-shutdown', {
      environment: { CLICK_FLUSH_INTERVAL_MS: '3600000', CLICK_BATCH_SIZE: '1000' },
    });
  });

  afterAll(() => stack.close());

  it('publishes the clicks an instance still holds when it shuts down, and another instance counts them', async () => {
    const token = (await registerAndLogIn(stack.auth)).accessToken;
    const survivor = await stack.startAnotherInstance();
    const link = await createLink(stack.shortener.http, token);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => visit(stack.shortener.http, link.code, i)),
    );
    expect(answers.every((answer) => answer.status === 302)).toBe(true);
    expect((await statsOf(survivor.http, token, link.id)).total).toBe(0);

    await stack.shortener.close();

    await eventually(
      async () => {
        const stats = await statsOf(survivor.http, token, link.id);
        expect({ total: stats.total, bots: stats.bots }).toEqual({ total: 48, bots: 12 });
      },
      { timeoutMs: 30_000 },
    );
  });
});
