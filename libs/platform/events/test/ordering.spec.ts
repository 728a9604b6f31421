import { AUTH_USERS_TOPIC } from '@capstone/contracts';
import { awaitKafkaMessage, eventually, recordKafkaMessages } from '@capstone/platform/testing';
import { v7 as uuidv7 } from 'uuid';
import { EventsTestBed } from './support/events-test-bed';
import { registeredEvent, registerUser, updateBio, type TestUser } from './support/users';

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

describe('publishing a backlog', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('backlog');
  });

  afterAll(() => bed.close());

  const unpublished = () => bed.prisma.outboxEvent.count({ where: { publishedAt: null } });

  it('publishes a backlog of many batches exactly once and in sequence order per key, though each batch is read while the one before it is sent', async () => {
    const keys = Array.from({ length: 20 }, () => uuidv7());
    // 600 events of 20 keys, ten a transaction, so every batch of 25 holds several events of most keys.
    for (let transaction = 0; transaction < 60; transaction += 1)
      await bed.transactions.withTransaction(() =>
        bed.outbox.recordAll(
          Array.from({ length: 10 }, (_, i) => registeredEvent(keys[(transaction + i) % 20])),
        ),
      );

    bed.startRelay({ batchSize: 25 });
    await eventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 30_000 });

    const topic = bed.topics.name(AUTH_USERS_TOPIC);
    const recording = await recordKafkaMessages(topic);
    try {
      await eventually(() => expect(recording.messages).toHaveLength(600), { timeoutMs: 30_000 });
      const committed = await bed.prisma.outboxEvent.findMany({
        orderBy: { sequence: 'asc' },
        select: { id: true, key: true },
      });
      const delivered = recording.messages.map(
        (message) => JSON.parse(message.value ?? '') as { id: string; subject: string },
      );
      expect(new Set(delivered.map((event) => event.id)).size).toBe(600);
      for (const key of keys)
        expect(delivered.filter((event) => event.subject === key).map((event) => event.id)).toEqual(
          committed.filter((row) => row.key === key).map((row) => row.id),
        );
    } finally {
      await recording.stop();
    }
  });
});

describe('events too large to send together', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('large');
  });

  afterAll(() => bed.close());

  it('splits a backlog too large for one Kafka request into batches the broker takes, in order', async () => {
    bed.startRelay();
    const key = uuidv7();
    // Twelve events of one key (so one partition) of 100 KB each: together over the broker's 1 MiB.
    const large = Array.from({ length: 12 }, () => {
      const event = registeredEvent(key);
      return { ...event, data: { ...event.data, bio: 'x'.repeat(100_000) } };
    });
    await bed.transactions.withTransaction(() => bed.outbox.recordAll(large));

    const recording = await recordKafkaMessages(bed.topics.name(AUTH_USERS_TOPIC));
    try {
      await eventually(
        () =>
          expect(
            recording.messages
              .filter((message) => message.key === key)
              .map((message) => (JSON.parse(message.value ?? '') as { id: string }).id),
          ).toEqual(large.map((event) => event.id)),
        { timeoutMs: 30_000 },
      );
    } finally {
      await recording.stop();
    }
  });
});

describe('a transaction that commits late', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('late-commit');
  });

  afterAll(() => bed.close());

  const outboxRow = (where: { id: string } | { key: string }) =>
    bed.prisma.outboxEvent.findFirstOrThrow({ where });

  it('has its event published, though events recorded after it were published before it committed', async () => {
    bed.startRelay();
    const late = registeredEvent();
    let recorded = () => undefined as void;
    let commit = () => undefined as void;
    const lateRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const released = new Promise<void>((resolve) => (commit = resolve));
    const lateTransaction = bed.transactions.withTransaction(async () => {
      await bed.outbox.record(late);
      recorded();
      await released;
    });
    await lateRecorded;
    const early = await registerUser(bed);
    await eventually(async () =>
      expect((await outboxRow({ key: early.id })).publishedAt).not.toBeNull(),
    );

    commit();
    await lateTransaction;

    const lateRow = await outboxRow({ id: late.id });
    expect(lateRow.sequence).toBeLessThan((await outboxRow({ key: early.id })).sequence);
    await eventually(async () =>
      expect((await outboxRow({ id: late.id })).publishedAt).not.toBeNull(),
    );
    await awaitKafkaMessage(
      bed.topics.name(AUTH_USERS_TOPIC),
      (message) => message.value?.includes(late.id) ?? false,
    );
  });
});
