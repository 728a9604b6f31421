import { randomUUID } from 'node:crypto';
import { UserEmailVerified, type EventOf } from '@capstone/contracts';
import { eventually, TestTokenIssuer } from '@capstone/platform/testing';
import {
  PUBLIC_APP_URL,
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';
import { TestSmtpServer } from './support/test-smtp-server';

describe('the welcome email and mail preferences', () => {
  let issuer: TestTokenIssuer;
  let smtp: TestSmtpServer;
  let service: NotificationServiceUnderTest;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    smtp = await TestSmtpServer.start();
    service = await startNotificationService('welcome', { issuer, smtpUrl: smtp.url });
  });

  afterAll(async () => {
    await service.close();
    await smtp.close();
    await issuer.close();
  });

  function emailVerified(
    email: string,
    userId: string = randomUUID(),
  ): EventOf<typeof UserEmailVerified> {
    return UserEmailVerified.create({
      source: 'auth-service',
      subject: userId,
      data: { userId, username: 'linus', email },
    });
  }

  it('welcomes a user whose email address was verified', async () => {
    const event = emailVerified('linus@example.com');
    await service.publish(event);

    const received = await smtp.awaitMailTo('linus@example.com', { timeoutMs: 20_000 });
    expect(received.subject).toBe('Welcome to Capstone');
    expect(received.text).toContain('Welcome, linus!');
    expect(received.html).toContain(`href="${PUBLIC_APP_URL}"`);
    await eventually(async () =>
      expect(await service.deliveriesTo('linus@example.com')).toMatchObject([
        { template: 'welcome', source: 'event', sourceId: event.id, status: 'sent' },
      ]),
    );
  });

  it('sends nothing more when the same event is delivered again', async () => {
    const event = emailVerified('twice@example.com');
    await service.publish(event);
    await smtp.awaitMailTo('twice@example.com', { timeoutMs: 20_000 });

    await service.publish(event);
    const marker = emailVerified('after-duplicate@example.com', event.subject);
    await service.publish(marker);
    // Same key, same partition: once the later event is mailed, the duplicate has been consumed.
    await smtp.awaitMailTo('after-duplicate@example.com', { timeoutMs: 20_000 });
    expect(smtp.mailTo('twice@example.com')).toHaveLength(1);
    expect(await service.deliveriesTo('twice@example.com')).toHaveLength(1);
  });

  it('suppresses the welcome for a user who opted out, but still sends their security email', async () => {
    const userId = randomUUID();
    const token = await issuer.mint({ claims: { sub: userId } });
    await service.http
      .put('/api/notifications/v1/preferences')
      .set('Authorization', `Bearer ${token}`)
      .send({ nonEssentialEmail: false })
      .expect(200, { nonEssentialEmail: false });
    await service.http
      .get('/api/notifications/v1/preferences')
      .set('Authorization', `Bearer ${token}`)
      .expect(200, { nonEssentialEmail: false });

    await service.publish(emailVerified('quiet@example.com', userId));
    await eventually(
      async () =>
        expect(await service.deliveriesTo('quiet@example.com')).toMatchObject([
          { template: 'welcome', status: 'suppressed' },
        ]),
      {
        timeoutMs: 20_000,
      },
    );
    await service.enqueueMail({
      deliveryId: randomUUID(),
      to: { email: 'quiet@example.com', userId },
      template: 'password-changed',
      variables: { changedAt: new Date().toISOString() },
    });

    const received = await smtp.awaitMailTo('quiet@example.com');
    expect(received.subject).toBe('Your password was changed');
    expect(smtp.mailTo('quiet@example.com')).toHaveLength(1);
  });

  it('lets a user read their preferences, which default to receiving everything', async () => {
    const token = await issuer.mint();
    await service.http
      .get('/api/notifications/v1/preferences')
      .set('Authorization', `Bearer ${token}`)
      .expect(200, { nonEssentialEmail: true });
  });

  it('rejects preferences that are not a boolean choice', async () => {
    const token = await issuer.mint();
    const { body } = await service.http
      .put('/api/notifications/v1/preferences')
      .set('Authorization', `Bearer ${token}`)
      .send({ nonEssentialEmail: 'no', marketing: true })
      .expect(422);
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'marketing',
      'nonEssentialEmail',
    ]);
  });

  it('refuses preferences to an anonymous caller', async () => {
    await service.http.get('/api/notifications/v1/preferences').expect(401);
  });
});
