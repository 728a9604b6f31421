import { eventually, testKafkaNames, TestTokenIssuer } from '@capstone/platform/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the journey runs the real notification-service, built by its own test harness
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from '../../notification-service/test/notification-service';
import { startBlogStack, type BlogStack } from './blog-stack';
import { publish, signUp, tokenOf } from './realworld-client';

/**
 * From a RealWorld request to an email with nothing faked between: blog-service's outbox publishes
 * on `blog.articles`, notification-service consumes it, and knows the recipient from `auth.users`.
 */
describe('blog activity emailed by notification-service', () => {
  let issuer: TestTokenIssuer;
  let stack: BlogStack;
  let notification: NotificationServiceUnderTest;

  beforeAll(async () => {
    const kafka = testKafkaNames('blog-journeys');
    issuer = await TestTokenIssuer.start();
    stack = await startBlogStack('blog-journeys', { kafka });
    notification = await startNotificationService('blog-journeys', { issuer, kafka });
  });

  afterAll(async () => {
    await notification.close();
    await stack.close();
    await issuer.close();
  });

  it("emails an article's author when someone else comments on it", async () => {
    const author = await signUp(stack.gateway);
    const reader = await signUp(stack.gateway);
    const article = await publish(stack.gateway, author);
    await stack.gateway
      .post(`/api/articles/${article.slug}/comments`)
      .set('Authorization', tokenOf(reader))
      .send({ comment: { body: 'Loved the part about *believing*.' } })
      .expect(201);

    const [mail] = await eventually(
      async () => {
        const messages = await notification.mailboxOf(author.email);
        expect(messages).toHaveLength(1);
        return messages;
      },
      { timeoutMs: 30_000 },
    );
    expect(mail.text).toContain(reader.username);
    expect(mail.text).toContain(`/article/${article.slug}`);
  });

  it('emails a user when someone starts following them, once however often they follow', async () => {
    const celebrity = await signUp(stack.gateway);
    const fan = await signUp(stack.gateway);
    const follow = () =>
      stack.gateway
        .post(`/api/profiles/${celebrity.username}/follow`)
        .set('Authorization', tokenOf(fan))
        .expect(200);
    await follow();
    await follow();

    const [mail] = await eventually(
      async () => {
        const messages = await notification.mailboxOf(celebrity.email);
        expect(messages.length).toBeGreaterThan(0);
        return messages;
      },
      { timeoutMs: 30_000 },
    );
    expect(mail.text).toContain(fan.username);
    // A later email to the same person proves the second follow had its chance to send one.
    const other = await signUp(stack.gateway);
    await stack.gateway
      .post(`/api/profiles/${celebrity.username}/follow`)
      .set('Authorization', tokenOf(other))
      .expect(200);
    await eventually(
      async () => expect(await notification.mailboxOf(celebrity.email)).toHaveLength(2),
      { timeoutMs: 30_000 },
    );
  });

  it('sends nothing to an author who comments on their own article', async () => {
    const author = await signUp(stack.gateway);
    const article = await publish(stack.gateway, author);
    await stack.gateway
      .post(`/api/articles/${article.slug}/comments`)
      .set('Authorization', tokenOf(author))
      .send({ comment: { body: 'A note to self' } })
      .expect(201);
    const reader = await signUp(stack.gateway);
    await stack.gateway
      .post(`/api/articles/${article.slug}/comments`)
      .set('Authorization', tokenOf(reader))
      .send({ comment: { body: 'And one from a reader' } })
      .expect(201);
    // Same article, same partition: once the reader's comment is mailed, the self-comment was skipped.
    await eventually(
      async () => expect(await notification.mailboxOf(author.email)).toHaveLength(1),
      { timeoutMs: 30_000 },
    );
    expect((await notification.mailboxOf(author.email))[0].text).toContain(reader.username);
  });
});
