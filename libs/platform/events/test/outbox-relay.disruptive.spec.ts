import { AUTH_USERS_TOPIC } from '@capstone/contracts';
import {
  eventually,
  describeWhenKafkaIsOurs,
  managedKafka,
  metricValue,
  recordKafkaMessages,
} from '@capstone/platform/testing';
import { EventsTestBed } from './support/events-test-bed';
import { registerUser, updateBio, type TestUser } from './support/users';

describeWhenKafkaIsOurs('the outbox relay across a Kafka outage', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('outage');
  });

  afterAll(() => bed.close());

  const unpublished = () => bed.prisma.outboxEvent.count({ where: { publishedAt: null } });

  it('keeps every event recorded while Kafka is down and publishes them all, in order, once it is back', async () => {
    const kafka = await managedKafka();
    if (!kafka) throw new Error('Kafka stopped being capstone-managed during the run');
    bed.startRelay({ backoff: { initialDelayMs: 100, maxDelayMs: 1_000 } });
    const users: TestUser[] = [];
    for (let i = 0; i < 5; i += 1) users.push(await registerUser(bed));
    await eventually(async () => expect(await unpublished()).toBe(0));

    const failuresBefore = await metricValue('outbox_publish_failures_total');
    await kafka.stop();
    try {
      for (let i = 0; i < 50; i += 1)
        await updateBio(bed, users[i % users.length], `written during the outage ${i}`);
      await eventually(
        async () =>
          expect(await metricValue('outbox_publish_failures_total')).toBeGreaterThan(
            failuresBefore,
          ),
        {
          timeoutMs: 30_000,
        },
      );
      expect(await unpublished()).toBe(50);
      await eventually(async () => expect(await metricValue('outbox_unpublished_events')).toBe(50));
    } finally {
      await kafka.start();
    }

    await eventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 60_000 });
    const committed = await bed.prisma.outboxEvent.findMany({
      orderBy: { sequence: 'asc' },
      select: { id: true, key: true },
    });
    const recording = await recordKafkaMessages(bed.topics.name(AUTH_USERS_TOPIC));
    try {
      const delivered = () =>
        new Set(recording.messages.map((message) => JSON.parse(message.value ?? '').id as string));
      await eventually(() => expect(delivered().size).toBe(committed.length), {
        timeoutMs: 30_000,
      });
      for (const user of users) {
        // A batch cut off by the outage may be published twice; consumers deduplicate, so order is first sightings.
        const firstSightings = [
          ...new Set(
            recording.messages
              .filter((m) => m.key === user.id)
              .map((m) => JSON.parse(m.value ?? '').id),
          ),
        ];
        expect(firstSightings).toEqual(
          committed.filter((row) => row.key === user.id).map((row) => row.id),
        );
      }
    } finally {
      await recording.stop();
    }
  });
});
