import { randomUUID } from 'node:crypto';
import { eventually, TestTokenIssuer } from '@capstone/platform/testing';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';

describe('administration and the development mailbox', () => {
  let issuer: TestTokenIssuer;
  let service: NotificationServiceUnderTest;
  let userToken: string;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    service = await startNotificationService('admin', { issuer });
    userToken = await issuer.mint({ claims: { roles: ['user'] } });
  });

  afterAll(async () => {
    await service.close();
    await issuer.close();
  });

  const adminRoutes = [
    '/api/notifications/v1/admin/templates',
    '/api/notifications/v1/admin/templates/welcome/preview',
    '/api/notifications/v1/admin/mailbox',
    '/api/notifications/v1/admin/deliveries',
    '/api/notifications/v1/admin/queues',
  ];

  it.each(adminRoutes)(
    'refuses %s to a signed-in user who is not an administrator',
    async (route) => {
      await service.http.get(route).set('Authorization', `Bearer ${userToken}`).expect(403);
    },
  );

  it.each(adminRoutes)('refuses %s to an anonymous caller', async (route) => {
    await service.http.get(route).expect(401);
  });

  it('shows administrators the queue dashboard', async () => {
    await service.http
      .get('/api/notifications/v1/admin/queues')
      .set('Authorization', `Bearer ${service.adminToken}`)
      .expect(200);
  });

  it('lists every template and previews each with sample data', async () => {
    const { body: templates } = await service.http
      .get('/api/notifications/v1/admin/templates')
      .set('Authorization', `Bearer ${service.adminToken}`)
      .expect(200);
    expect(templates).toEqual([
      { name: 'email-verification', essential: true },
      { name: 'password-reset', essential: true },
      { name: 'password-changed', essential: true },
      { name: 'welcome', essential: false },
      { name: 'new-comment', essential: false },
      { name: 'new-follower', essential: false },
    ]);
    for (const { name } of templates) {
      const { body } = await service.http
        .get(`/api/notifications/v1/admin/templates/${name}/preview`)
        .set('Authorization', `Bearer ${service.adminToken}`)
        .expect(200);
      expect(body).toEqual({
        subject: expect.any(String),
        text: expect.stringContaining('ada'),
        html: expect.stringMatching(/^<!doctype html>/),
      });
    }
  });

  it('answers a preview of an unknown template with 404', async () => {
    const { body } = await service.http
      .get('/api/notifications/v1/admin/templates/newsletter/preview')
      .set('Authorization', `Bearer ${service.adminToken}`)
      .expect(404);
    expect(body.code).toBe('template_not_found');
  });

  it('keeps email in the development mailbox when no SMTP server is configured', async () => {
    const deliveryId = randomUUID();
    await service.enqueueMail({
      deliveryId,
      to: { email: 'dev@example.com', username: '<b>dev</b>' },
      template: 'password-changed',
      variables: { changedAt: '2030-01-02T03:04:00.000Z' },
    });

    const message = await eventually(async () => {
      const { body } = await service.http
        .get('/api/notifications/v1/admin/mailbox')
        .query({ to: 'dev@example.com' })
        .set('Authorization', `Bearer ${service.adminToken}`)
        .expect(200);
      expect(body).toHaveLength(1);
      return body[0];
    });
    expect(message).toMatchObject({
      deliveryId,
      subject: 'Your password was changed',
      to: 'dev@example.com',
    });
    expect(message.html).toContain('Hi &lt;b&gt;dev&lt;/b&gt;,');
    expect(message.text).toContain('Hi <b>dev</b>,');
  });

  it('rejects a mailbox search with an invalid address', async () => {
    await service.http
      .get('/api/notifications/v1/admin/mailbox')
      .query({ to: 'not-an-address', limit: 0 })
      .set('Authorization', `Bearer ${service.adminToken}`)
      .expect(422);
  });
});
