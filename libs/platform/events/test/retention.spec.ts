import { v7 as uuidv7 } from 'uuid';
import { eventually } from '@capstone/platform/testing';
import { EventsTestBed } from './support/events-test-bed';

const DAY_MS = 24 * 3_600_000;

describe('keeping the event tables in bounds', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('retention');
  });

  afterAll(() => bed.close());

  it('deletes published outbox rows and processed-event records past their retention, and nothing newer', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
    const outboxRow = (publishedAt: Date) => ({
      id: uuidv7(),
      topic: 'auth.users',
      key: uuidv7(),
      type: 'auth.user.registered',
      payload: {},
      headers: {},
      publishedAt,
    });
    const expiredPublished = outboxRow(daysAgo(8));
    const recentPublished = outboxRow(daysAgo(1));
    await bed.prisma.outboxEvent.createMany({ data: [expiredPublished, recentPublished] });
    await bed.prisma.processedEvent.createMany({
      data: [
        { consumerGroup: 'blog-service', eventId: uuidv7(), processedAt: daysAgo(31) },
        { consumerGroup: 'blog-service', eventId: uuidv7(), processedAt: daysAgo(2) },
      ],
    });

    bed.startRelay();

    await eventually(async () => {
      expect(await bed.prisma.outboxEvent.findMany({ select: { id: true } })).toEqual([
        { id: recentPublished.id },
      ]);
      expect(await bed.prisma.processedEvent.count()).toBe(1);
    });
    expect(
      await bed.prisma.processedEvent.count({ where: { processedAt: { lt: daysAgo(30) } } }),
    ).toBe(0);
  });
});
