import { AUTH_USERS_TOPIC, UserProfileUpdated, UserRegistered } from '@capstone/contracts';
import { Correlation, type CorrelationContext } from '@capstone/platform/observability';
import { awaitKafkaMessage, eventually } from '@capstone/platform/testing';
import { v7 as uuidv7 } from 'uuid';
import { deadLetterTopic } from '../src';
import { EventsTestBed } from './support/events-test-bed';
import { consumerOutcomes } from './support/metrics';
import { registerUser, updateBio } from './support/users';

describe('an event consumer', () => {
  let bed: EventsTestBed;
  let topic: string;
  let group: string;
  const alwaysFailing = new Set<string>();
  const failuresLeft = new Map<string, number>();
  const contexts = new Map<string, CorrelationContext | undefined>();

  beforeAll(async () => {
    bed = await EventsTestBed.open('consumer');
    topic = bed.topics.name(AUTH_USERS_TOPIC);
    group = bed.groupId('authors');
    bed.startRelay();
    const authors = bed
      .consumer('authors')
      .on(UserRegistered, async (event) => {
        const userId = event.data.userId;
        await bed.tx.author.create({ data: { userId, username: event.data.username } });
        // Thrown after the write, so the test also proves a failed attempt leaves no effect behind.
        if (alwaysFailing.has(userId)) throw new Error('projection store unavailable');
        const left = failuresLeft.get(userId) ?? 0;
        if (left > 0) {
          failuresLeft.set(userId, left - 1);
          throw new Error('transient failure');
        }
      })
      .on(UserProfileUpdated, async (event) => {
        contexts.set(event.id, Correlation.current());
        await bed.tx.author.update({
          where: { userId: event.data.userId },
          data: { appliedUpdates: { increment: 1 } },
        });
      });
    await authors.start();
  });

  afterAll(() => bed.close());

  const author = (userId: string) => bed.prisma.author.findUnique({ where: { userId } });

  it('applies an event once and skips a redelivered copy', async () => {
    const user = await registerUser(bed);
    const eventId = await updateBio(bed, user, 'first bio');
    await eventually(async () => expect((await author(user.id))?.appliedUpdates).toBe(1));

    const original = await awaitKafkaMessage(
      topic,
      (message) => message.value?.includes(eventId) ?? false,
    );
    const duplicatesBefore = await consumerOutcomes(group, 'duplicate');
    await bed.produceRaw(topic, {
      key: original.key ?? '',
      value: original.value ?? '',
      headers: original.headers,
    });

    await eventually(async () =>
      expect(await consumerOutcomes(group, 'duplicate')).toBe(duplicatesBefore + 1),
    );
    expect((await author(user.id))?.appliedUpdates).toBe(1);
  });

  it('runs each handler inside the correlation of the event it handles', async () => {
    const user = await registerUser(bed);
    const eventId = await Correlation.run({ requestId: 'r', correlationId: 'signup-7' }, () =>
      updateBio(bed, user, 'bio'),
    );

    await eventually(() =>
      expect(contexts.get(eventId)).toMatchObject({
        correlationId: 'signup-7',
        causationId: eventId,
      }),
    );
  });

  it('parks a poisoned message in the dead-letter topic with the reason and moves on to the next one', async () => {
    await bed.produceRaw(topic, { key: 'poison-1', value: '{"this is": not json' });
    const next = await registerUser(bed);

    await eventually(async () => expect(await author(next.id)).not.toBeNull());
    const parked = await awaitKafkaMessage(
      deadLetterTopic(topic),
      (message) => message.key === 'poison-1',
    );
    expect(parked.value).toBe('{"this is": not json');
    expect(parked.headers).toMatchObject({
      'x-dlq-error': 'the message value is not JSON',
      'x-dlq-attempts': '1',
      'x-dlq-original-topic': topic,
      'x-dlq-consumer-group': group,
    });
    expect(parked.headers['x-dlq-original-partition']).toMatch(/^\d+$/);
    expect(parked.headers['x-dlq-original-offset']).toMatch(/^\d+$/);
  });

  it('sends an event that breaks its contract straight to the dead-letter topic, naming the field', async () => {
    const id = uuidv7();
    const valid = UserRegistered.create({
      source: 'events-test',
      subject: id,
      data: {
        userId: id,
        username: 'mallory',
        email: 'mallory@example.com',
        bio: null,
        image: null,
        roles: ['user'],
        emailVerified: false,
      },
    });
    await bed.produceRaw(topic, {
      key: id,
      value: JSON.stringify({ ...valid, data: { ...valid.data, email: 'not-an-email' } }),
    });

    const parked = await awaitKafkaMessage(deadLetterTopic(topic), (message) => message.key === id);
    expect(parked.headers['x-dlq-error']).toMatch(/email/);
    expect(parked.headers['x-dlq-attempts']).toBe('1');
    expect(await author(id)).toBeNull();
  });

  it('retries a failing handler and dead-letters the event after the last attempt, leaving no effect', async () => {
    const doomed = uuidv7();
    alwaysFailing.add(doomed);
    await registerUser(bed, doomed);
    const next = await registerUser(bed);

    const parked = await awaitKafkaMessage(
      deadLetterTopic(topic),
      (message) => message.key === doomed,
    );
    expect(parked.headers).toMatchObject({
      'x-dlq-error': 'projection store unavailable',
      'x-dlq-attempts': '3',
    });
    await eventually(async () => expect(await author(next.id)).not.toBeNull());
    expect(await author(doomed)).toBeNull();
  });

  it('commits the effect exactly once when a retry succeeds', async () => {
    const flaky = uuidv7();
    failuresLeft.set(flaky, 2);
    const processedBefore = await consumerOutcomes(group, 'processed');
    await registerUser(bed, flaky);

    await eventually(async () =>
      expect(await author(flaky)).toMatchObject({ userId: flaky, appliedUpdates: 0 }),
    );
    expect(failuresLeft.get(flaky)).toBe(0);
    expect(await consumerOutcomes(group, 'processed')).toBe(processedBefore + 1);
  });

  it('skips and counts an event type it has never heard of, without crashing', async () => {
    const unknownBefore = await consumerOutcomes(group, 'unknown_type');
    const id = uuidv7();
    const fromTheFuture = {
      id,
      type: 'auth.user.teleported',
      version: 1,
      source: 'auth-service',
      occurredAt: new Date().toISOString(),
      subject: id,
      correlationId: id,
      causationId: null,
      data: { destination: 'mars' },
    };
    await bed.produceRaw(topic, { key: id, value: JSON.stringify(fromTheFuture) });
    const next = await registerUser(bed);

    await eventually(async () => expect(await author(next.id)).not.toBeNull());
    expect(await consumerOutcomes(group, 'unknown_type')).toBe(unknownBefore + 1);
  });
});
