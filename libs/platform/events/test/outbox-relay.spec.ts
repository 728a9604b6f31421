import { AUTH_USERS_TOPIC, UserProfileUpdated } from '@capstone/contracts';
import { Correlation } from '@capstone/platform/observability';
import { awaitKafkaMessage, eventually, recordKafkaMessages } from '@capstone/platform/testing';
import { OutboxOutsideTransaction } from '../src';
import { EventsTestBed } from './support/events-test-bed';
import { registerUser, registeredEvent, updateBio } from './support/users';

describe('the outbox relay', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('relay');
    bed.startRelay();
  });

  afterAll(() => bed.close());

  it('publishes nothing for a rolled-back transaction', async () => {
    const abandoned = registeredEvent();
    await expect(
      bed.transactions.withTransaction(async () => {
        await bed.outbox.record(abandoned);
        throw new Error('the state change failed after the event was recorded');
      }),
    ).rejects.toThrow('the state change failed');
    const committed = await registerUser(bed);

    const recording = await recordKafkaMessages(bed.topics.name(AUTH_USERS_TOPIC));
    try {
      await eventually(() =>
        expect(recording.messages.some((message) => message.key === committed.id)).toBe(true),
      );
      expect(recording.messages.map((message) => message.key)).not.toContain(abandoned.subject);
    } finally {
      await recording.stop();
    }
    expect(await bed.prisma.outboxEvent.count({ where: { id: abandoned.id } })).toBe(0);
  });

  it('records the events of one transaction in the order given and publishes those of one key in that order', async () => {
    const registered = registeredEvent();
    const unrelated = registeredEvent();
    const renamed = UserProfileUpdated.create({
      source: 'events-test',
      subject: registered.subject,
      data: {
        userId: registered.data.userId,
        username: `renamed-${registered.data.userId}`,
        email: registered.data.email,
        bio: null,
        image: null,
      },
    });
    await bed.transactions.withTransaction(() =>
      bed.outbox.recordAll([registered, unrelated, renamed]),
    );

    const rows = await bed.prisma.outboxEvent.findMany({
      where: { id: { in: [registered.id, unrelated.id, renamed.id] } },
      orderBy: { sequence: 'asc' },
    });
    expect(rows.map((row) => row.id)).toEqual([registered.id, unrelated.id, renamed.id]);
    const recording = await recordKafkaMessages(bed.topics.name(AUTH_USERS_TOPIC));
    try {
      await eventually(() =>
        expect(
          recording.messages
            .filter((message) => message.key === registered.subject)
            .map((message) => (JSON.parse(message.value ?? '') as { id: string }).id),
        ).toEqual([registered.id, renamed.id]),
      );
    } finally {
      await recording.stop();
    }
  });

  it('refuses to record an event outside a transaction, where it would commit without its change', async () => {
    const orphan = registeredEvent();
    await expect(bed.outbox.record(orphan)).rejects.toThrow(OutboxOutsideTransaction);
    expect(await bed.prisma.outboxEvent.count({ where: { id: orphan.id } })).toBe(0);
  });

  it('carries the correlation and trace of the request that recorded the event into its Kafka headers', async () => {
    const user = await registerUser(bed);
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const request = { requestId: 'req-1', correlationId: 'checkout-42', traceparent };
    const eventId = await Correlation.run(request, () => updateBio(bed, user, 'hello'));

    const message = await awaitKafkaMessage(
      bed.topics.name(AUTH_USERS_TOPIC),
      (candidate) => candidate.value?.includes(eventId) ?? false,
    );

    expect(message.key).toBe(user.id);
    expect(message.headers).toMatchObject({
      'x-correlation-id': 'checkout-42',
      traceparent,
      'x-event-type': 'auth.user.profile_updated@v1',
    });
    expect(JSON.parse(message.value ?? '')).toMatchObject({
      id: eventId,
      correlationId: 'checkout-42',
    });
  });
});

describe('waking the relay', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('wake');
  });

  afterAll(() => bed.close());

  it('publishes a committed event well under a second after the commit, woken by the notification', async () => {
    // A poll interval of a minute leaves NOTIFY as the only thing that can wake the relay in time.
    const relay = bed.startRelay({ pollIntervalMs: 60_000 });
    await eventually(() => expect(relay.isLeader).toBe(true));
    await bed.topics.ensure([AUTH_USERS_TOPIC]);

    const user = await registerUser(bed);

    await eventually(
      async () =>
        expect(
          (await bed.prisma.outboxEvent.findFirstOrThrow({ where: { key: user.id } })).publishedAt,
        ).not.toBeNull(),
      { timeoutMs: 500 },
    );
  });
});

describe('two relays on one database', () => {
  let bed: EventsTestBed;

  beforeAll(async () => {
    bed = await EventsTestBed.open('leader');
  });

  afterAll(() => bed.close());

  const published = async (userId: string) =>
    (await bed.prisma.outboxEvent.findFirstOrThrow({ where: { key: userId } })).publishedAt !==
    null;

  it('lets only the leader publish, and hands the lead over when the leader stops', async () => {
    const first = bed.startRelay();
    await eventually(() => expect(first.isLeader).toBe(true));
    const second = bed.startRelay();

    const before = await registerUser(bed);
    await eventually(async () => expect(await published(before.id)).toBe(true));
    expect(second.isLeader).toBe(false);

    await first.stop();
    await eventually(() => expect(second.isLeader).toBe(true));
    const after = await registerUser(bed);
    await eventually(async () => expect(await published(after.id)).toBe(true));
  });
});
