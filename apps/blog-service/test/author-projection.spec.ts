import { randomUUID } from 'node:crypto';
import {
  ArticlePublished,
  BLOG_ARTICLES_TOPIC,
  UserDeleted,
  UserDisabled,
  UserProfileUpdated,
  UserRegistered,
  type EventEnvelope,
} from '@capstone/contracts';
import { createKafka, deadLetterTopic } from '@capstone/platform/events';
import {
  awaitKafkaEvent,
  awaitKafkaMessage,
  eventually,
  testEndpoints,
} from '@capstone/platform/testing';
import type { Producer } from 'kafkajs';
import { startBlogStack, type BlogStack } from './blog-stack';
import { PrismaService } from '../src/database/prisma.service';
import { draft, publish, signUp, tokenOf } from './realworld-client';

/**
 * The author projection as `auth.users` feeds it: idempotent, ordered by profile version, and
 * deaf to poison. Events here are published straight to the stack's topic, as auth-service's relay does.
 */
describe('the author projection', () => {
  let stack: BlogStack;
  let producer: Producer;

  beforeAll(async () => {
    stack = await startBlogStack('author-projection');
    producer = createKafka({
      clientId: 'projection-spec',
      brokers: testEndpoints.kafkaBrokers,
    }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await stack.close();
  });

  const send = (event: EventEnvelope, value = JSON.stringify(event)) =>
    producer.send({
      topic: stack.auth.topic('auth.users'),
      messages: [{ key: event.subject, value }],
    });

  function registered(username: string, profileVersion = 1) {
    const userId = randomUUID();
    return UserRegistered.create({
      source: 'auth-service',
      subject: userId,
      data: {
        userId,
        username,
        email: `${username}@example.com`,
        bio: null,
        image: null,
        roles: ['user'],
        emailVerified: false,
        profileVersion,
      },
    });
  }

  function renamed(userId: string, username: string, profileVersion: number) {
    return UserProfileUpdated.create({
      source: 'auth-service',
      subject: userId,
      data: {
        userId,
        username,
        email: `${username}@example.com`,
        bio: null,
        image: null,
        profileVersion,
      },
    });
  }

  const profile = (username: string) => stack.blog.http.get(`/api/profiles/${username}`);

  async function userIdOf(username: string): Promise<string> {
    const author = await stack.blog.app
      .get(PrismaService)
      .author.findFirstOrThrow({ where: { username } });
    return author.id;
  }

  it('learns a registered user from auth.users without asking auth-service', async () => {
    const event = registered(`ev${Date.now()}`);
    await send(event);
    await eventually(() => profile(event.data.username).expect(200));
  });

  it('ignores a redelivered event and one older than what it holds', async () => {
    const event = registered(`v${Date.now()}`);
    const newer = renamed(event.data.userId, `${event.data.username}-new`, 3);
    await send(event);
    await send(newer);
    await send(event);
    await send(renamed(event.data.userId, `${event.data.username}-stale`, 2));
    const marker = registered(`m${Date.now()}`);
    await send(marker);
    await eventually(() => profile(marker.data.username).expect(200));
    // Different partitions may lag: wait on the user's own last event, then check nothing regressed.
    await eventually(() => profile(newer.data.username).expect(200));
    await profile(`${event.data.username}-stale`).expect(404);
  });

  it('parks a message that breaks the contract in the dead-letter topic and goes on', async () => {
    const poisoned = registered(`p${Date.now()}`);
    await send(
      poisoned,
      JSON.stringify({ ...poisoned, data: { ...poisoned.data, email: 'nope' } }),
    );
    const after = registered(`a${Date.now()}`);
    await send(after);
    const parked = await awaitKafkaMessage(
      deadLetterTopic(stack.auth.topic('auth.users')),
      (message) => message.key === poisoned.subject,
      { timeoutMs: 20_000 },
    );
    expect(parked.headers['x-dlq-error']).toMatch(/email/);
    await eventually(() => profile(after.data.username).expect(200));
  });

  it("hides a disabled user's profile and articles", async () => {
    const writer = await signUp(stack.auth.http);
    const article = await publish(stack.blog.http, writer, draft({ tagList: ['hidden-later'] }));
    const userId = await userIdOf(writer.username);
    await send(
      UserDisabled.create({
        source: 'auth-service',
        subject: userId,
        data: { userId, profileVersion: 99 },
      }),
    );
    await eventually(() => profile(writer.username).expect(404));
    await stack.blog.http.get(`/api/articles/${article.slug}`).expect(404);
    const listed = await stack.blog.http
      .get('/api/articles')
      .query({ tag: 'hidden-later' })
      .expect(200);
    expect(listed.body).toEqual({ articles: [], articlesCount: 0 });
  });

  it("keeps a deleted user's articles under an anonymous author", async () => {
    const writer = await signUp(stack.auth.http);
    const article = await publish(stack.blog.http, writer);
    const userId = await userIdOf(writer.username);
    await send(
      UserDeleted.create({
        source: 'auth-service',
        subject: userId,
        data: { userId, profileVersion: 99 },
      }),
    );
    await eventually(async () => {
      const { body } = await stack.blog.http.get(`/api/articles/${article.slug}`).expect(200);
      expect(body.article.author).toEqual({
        username: `deleted-${userId.slice(0, 8)}`,
        bio: null,
        image: null,
        following: false,
      });
    });
    await profile(writer.username).expect(404);
  });

  it('announces a published article on blog.articles through the outbox', async () => {
    const writer = await signUp(stack.auth.http);
    const article = await publish(stack.blog.http, writer);
    const event = await awaitKafkaEvent(
      stack.auth.topic(BLOG_ARTICLES_TOPIC),
      (candidate) =>
        candidate.type === ArticlePublished.type &&
        (candidate.data as { slug: string }).slug === article.slug,
    );
    expect(event).toMatchObject({ source: 'blog-service', version: 1 });
    expect(event.data).not.toHaveProperty('body');
  });

  it('refuses writes of a user whose account is disabled, with their still-valid token', async () => {
    const writer = await signUp(stack.auth.http);
    await publish(stack.blog.http, writer);
    const userId = await userIdOf(writer.username);
    await send(
      UserDisabled.create({
        source: 'auth-service',
        subject: userId,
        data: { userId, profileVersion: 99 },
      }),
    );
    await eventually(() => profile(writer.username).expect(404));
    // The repair asks auth-service, whose answer is an older profile version than the event's: still disabled.
    await stack.blog.http
      .post('/api/articles')
      .set('Authorization', tokenOf(writer))
      .send({ article: draft() })
      .expect(403);
  });
});
