import { AUTH_USERS_TOPIC } from '@capstone/contracts';
import { eventually, recordKafkaMessages } from '@capstone/platform/testing';
import { EventsTestBed } from './support/events-test-bed';
import { registerUser, updateBio, type TestUser } from './support/users';

describe('publishing under concurrency', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('ordering');
  });

  afterAll(() => bed.close());

  it('delivers 1,000 events from concurrent transactions exactly once and in commit order per key', async () => {
    bed.startRelay();
    const users: TestUser[] = [];
    for (let i = 0; i < 25; i += 1) users.push(await registerUser(bed));
    const updates = Array.from({ length: 975 }, (_, i) => ({
      user: users[i % users.length],
      bio: `bio ${i}`,
    }));
    // Sixteen writers at once, so updates of one user race each other and commit in no fixed order.
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let update = updates.shift(); update; update = updates.shift())
          await updateBio(bed, update.user, update.bio);
      }),
    );

    await eventually(
      async () =>
        expect(await bed.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0),
      {
        timeoutMs: 30_000,
      },
    );
    const topic = bed.topics.name(AUTH_USERS_TOPIC);
    const admin = bed.kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(1_000);

    const recording = await recordKafkaMessages(topic);
    try {
      await eventually(() => expect(recording.messages).toHaveLength(1_000), { timeoutMs: 30_000 });
      const received = recording.messages.map(
        (message) => JSON.parse(message.value ?? '') as { id: string; subject: string },
      );
      expect(new Set(received.map((event) => event.id)).size).toBe(1_000);

      const committed = await bed.prisma.outboxEvent.findMany({
        orderBy: { sequence: 'asc' },
        select: { id: true, key: true },
      });
      for (const user of users) {
        const inCommitOrder = committed.filter((row) => row.key === user.id).map((row) => row.id);
        const asDelivered = received
          .filter((event) => event.subject === user.id)
          .map((event) => event.id);
        expect(asDelivered).toEqual(inCommitOrder);
      }
      // The last event delivered for a user describes the state that won in the database.
      const last = recording.messages.filter((message) => message.key === users[0].id).at(-1);
      const stored = await bed.prisma.user.findUniqueOrThrow({ where: { id: users[0].id } });
      expect(JSON.parse(last?.value ?? '').data.bio).toBe(stored.bio);
    } finally {
      await recording.stop();
    }
  });
});
