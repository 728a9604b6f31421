import { randomUUID } from 'node:crypto';
import {
  BLOG_ARTICLES_TOPIC,
  CommentAdded,
  eventContractFor,
  UserDeleted,
  UserDisabled,
  UserFollowed,
  UserProfileUpdated,
  UserRegistered,
  type EventEnvelope,
  type EventOf,
} from '@capstone/contracts';
import { deadLetterTopic } from '@capstone/platform/events';
import {
  awaitKafkaMessage,
  eventually,
  metricValue,
  TestTokenIssuer,
} from '@capstone/platform/testing';
import {
  PUBLIC_APP_URL,
  startNotificationService,
  type MailboxMessage,
  type NotificationServiceUnderTest,
} from './notification-service';

describe('email about blog activity', () => {
  let issuer: TestTokenIssuer;
  let service: NotificationServiceUnderTest;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    service = await startNotificationService('blog-events', { issuer });
  });

  afterAll(async () => {
    await service.close();
    await issuer.close();
  });

  interface TestUser {
    userId: string;
    username: string;
    email: string;
  }

  function user(username: string): TestUser {
    return { userId: randomUUID(), username, email: `${username}.${randomUUID()}@example.com` };
  }

  const registered = ({ userId, username, email }: TestUser) =>
    UserRegistered.create({
      source: 'auth-service',
      subject: userId,
      data: {
        userId,
        username,
        email,
        bio: null,
        image: null,
        roles: ['user'],
        emailVerified: true,
      },
    });

  const article = (author: TestUser) => ({
    articleId: randomUUID(),
    slug: `dragons-and-knights-${randomUUID().slice(0, 6)}`,
    articleTitle: 'Dragons & <Knights>',
    articleAuthorId: author.userId,
  });

  let commentIds = 0;
  const commented = (
    on: ReturnType<typeof article>,
    by: TestUser,
    excerpt = 'What a read!',
  ): EventOf<typeof CommentAdded> =>
    CommentAdded.create({
      source: 'blog-service',
      subject: on.articleId,
      data: {
        ...on,
        commentId: (commentIds += 1),
        commentAuthorId: by.userId,
        commentAuthorUsername: by.username,
        excerpt,
      },
    });

  const followed = (follower: TestUser, followee: TestUser) =>
    UserFollowed.create({
      source: 'blog-service',
      subject: followee.userId,
      data: {
        followerId: follower.userId,
        followerUsername: follower.username,
        followeeId: followee.userId,
      },
    });

  /** How many messages of the topic the service's consumer finished with this outcome. */
  const consumed = (topic: string, outcome: 'processed' | 'duplicate') =>
    metricValue('event_consumer_messages_total', { topic: service.topic(topic), outcome });

  /** Publishes the event and waits until the service has handled it (and committed its effect). */
  async function deliver(event: EventEnvelope, outcome: 'processed' | 'duplicate' = 'processed') {
    const topic = eventContractFor(event).topic;
    const before = await consumed(topic, outcome);
    await service.publish(event);
    await eventually(async () => expect(await consumed(topic, outcome)).toBe(before + 1), {
      timeoutMs: 20_000,
    });
  }

  async function awaitMailTo(recipient: TestUser, count = 1): Promise<MailboxMessage[]> {
    return eventually(
      async () => {
        const messages = await service.mailboxOf(recipient.email);
        expect(messages).toHaveLength(count);
        return messages;
      },
      { timeoutMs: 20_000 },
    );
  }

  it('emails an author when someone else comments on their article, escaping what users wrote', async () => {
    const author = user('ada');
    const commenter = user('grace');
    const story = article(author);
    await deliver(registered(author));

    const comment = commented(story, commenter, 'Loved the <dragons> & the knights.');
    await service.publish(comment);

    const [message] = await awaitMailTo(author);
    expect(message.subject).toBe('grace commented on "Dragons & <Knights>"');
    expect(message.text).toContain('Hi ada,');
    expect(message.text).toContain('> Loved the <dragons> & the knights.');
    expect(message.text).toContain(`${PUBLIC_APP_URL}/article/${story.slug}`);
    expect(message.html).toContain('Dragons &amp; &lt;Knights&gt;');
    expect(message.html).toContain('Loved the &lt;dragons&gt; &amp; the knights.');
    expect(message.html).not.toContain('<dragons>');
    expect(message.html).toContain(`href="${PUBLIC_APP_URL}/article/${story.slug}"`);
    expect(await service.deliveriesTo(author.email)).toMatchObject([
      { template: 'new-comment', source: 'event', sourceId: comment.id, status: 'sent' },
    ]);
  });

  it('emails a user when someone starts following them', async () => {
    const followee = user('linus');
    const follower = user('margaret');
    await deliver(registered(followee));

    await service.publish(followed(follower, followee));

    const [message] = await awaitMailTo(followee);
    expect(message.subject).toBe('margaret is now following you');
    expect(message.text).toContain('Hi linus,');
    expect(message.text).toContain(`${PUBLIC_APP_URL}/profile/margaret`);
    expect(message.html).toContain(`href="${PUBLIC_APP_URL}/profile/margaret"`);
  });

  it('writes to the address of the latest profile update', async () => {
    const followee = user('barbara');
    await deliver(registered(followee));
    const moved = { ...followee, username: 'barbara_l', email: `moved.${followee.email}` };
    await deliver(
      UserProfileUpdated.create({
        source: 'auth-service',
        subject: followee.userId,
        data: { ...moved, bio: null, image: null },
      }),
    );

    await service.publish(followed(user('edsger'), followee));

    const [message] = await awaitMailTo(moved);
    expect(message.text).toContain('Hi barbara_l,');
    expect(await service.mailboxOf(followee.email)).toEqual([]);
  });

  it('sends nothing when authors comment on their own article', async () => {
    const author = user('donald');
    const story = article(author);
    await deliver(registered(author));

    await deliver(commented(story, author, 'A correction to my own article'));
    // Same article, same key: once the next comment is mailed, the author's own was handled before it.
    await service.publish(commented(story, user('leslie'), 'A question'));

    const [message] = await awaitMailTo(author);
    expect(message.text).toContain('> A question');
    expect(await service.deliveriesTo(author.email)).toHaveLength(1);
  });

  it('suppresses the email to a recipient who opted out of non-essential mail', async () => {
    const author = user('quiet');
    const token = await issuer.mint({ claims: { sub: author.userId } });
    await service.http
      .put('/api/notifications/v1/preferences')
      .set('Authorization', `Bearer ${token}`)
      .send({ nonEssentialEmail: false })
      .expect(200);
    await deliver(registered(author));

    await service.publish(commented(article(author), user('chatty')));
    await service.publish(followed(user('fan'), author));

    await eventually(
      async () =>
        expect(
          (await service.deliveriesTo(author.email)).map((delivery) => delivery.status),
        ).toEqual(['suppressed', 'suppressed']),
      { timeoutMs: 20_000 },
    );
    expect(await service.mailboxOf(author.email)).toEqual([]);
  });

  it('sends once when the same event is delivered again', async () => {
    const author = user('alan');
    await deliver(registered(author));
    const comment = commented(article(author), user('kurt'));
    await service.publish(comment);
    await awaitMailTo(author);

    await deliver(comment, 'duplicate');

    expect(await service.mailboxOf(author.email)).toHaveLength(1);
    expect(await service.deliveriesTo(author.email)).toHaveLength(1);
  });

  it('sends nothing to a disabled or a deleted user', async () => {
    const disabledAuthor = user('dormant');
    const deletedAuthor = user('departed');
    await deliver(registered(disabledAuthor));
    await deliver(registered(deletedAuthor));
    const account = (target: TestUser) => ({
      source: 'auth-service',
      subject: target.userId,
      data: { userId: target.userId },
    });
    await deliver(UserDisabled.create(account(disabledAuthor)));
    await deliver(UserDeleted.create(account(deletedAuthor)));

    await deliver(commented(article(disabledAuthor), user('reader')));
    await deliver(followed(user('reader'), deletedAuthor));

    expect(await service.deliveriesTo(disabledAuthor.email)).toEqual([]);
    expect(await service.deliveriesTo(deletedAuthor.email)).toEqual([]);
  });

  it('mails a comment whose recipient auth.users introduces only afterwards, once', async () => {
    const author = user('latecomer');
    const comment = commented(article(author), user('early'));
    await deliver(comment);
    expect(await service.deliveriesTo(author.email)).toEqual([]);

    await deliver(registered(author));

    const [message] = await awaitMailTo(author);
    expect(message.subject).toBe('early commented on "Dragons & <Knights>"');
    expect(await service.deliveriesTo(author.email)).toMatchObject([
      { template: 'new-comment', sourceId: comment.id, status: 'sent' },
    ]);
    await deliver(
      UserProfileUpdated.create({
        source: 'auth-service',
        subject: author.userId,
        data: { ...author, bio: 'I am here now', image: null },
      }),
    );
    expect(await service.deliveriesTo(author.email)).toHaveLength(1);
  });

  it('parks a blog.articles message that breaks its contract in the dead-letter topic and goes on', async () => {
    const author = user('steady');
    const story = article(author);
    await deliver(registered(author));
    const poisoned = commented(story, user('mallory'));

    await service.publish(
      poisoned,
      JSON.stringify({ ...poisoned, data: { ...poisoned.data, articleAuthorId: 'nobody' } }),
    );
    await service.publish(commented(story, user('carol'), 'After the poison'));

    const parked = await awaitKafkaMessage(
      deadLetterTopic(service.topic(BLOG_ARTICLES_TOPIC)),
      (message) => message.key === story.articleId,
      { timeoutMs: 20_000 },
    );
    expect(parked.headers['x-dlq-error']).toMatch(/articleAuthorId/);
    expect(parked.headers['x-dlq-attempts']).toBe('1');
    const [message] = await awaitMailTo(author);
    expect(message.text).toContain('> After the poison');
  });
});
