import { eventually, TestTokenIssuer } from '@capstone/platform/testing';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';
import { TestSmtpServer } from './support/test-smtp-server';

describe('notification-service as a platform service', () => {
  let issuer: TestTokenIssuer;
  let smtp: TestSmtpServer;
  let service: NotificationServiceUnderTest;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    smtp = await TestSmtpServer.start();
    service = await startNotificationService('service', { issuer, smtpUrl: smtp.url });
  });

  afterAll(async () => {
    await service.close();
    await smtp.close();
    await issuer.close();
  });

  it('reports ready when its database, Redis, Kafka and the SMTP server answer', async () => {
    await service.http.get('/health/ready').expect(200, {
      status: 'ready',
      dependencies: { postgres: 'up', redis: 'up', kafka: 'up', smtp: 'up' },
      degraded: [],
    });
  });

  it('stays ready while the SMTP server is down, naming it as degraded: mail waits and retries', async () => {
    await smtp.stop();
    try {
      await eventually(async () => {
        const { body } = await service.http.get('/health/ready').expect(200);
        expect(body).toMatchObject({ status: 'ready', degraded: ['smtp'] });
        expect(body.dependencies).toMatchObject({ smtp: 'down', postgres: 'up' });
      });
    } finally {
      await smtp.resume();
    }
  });

  it('publishes its OpenAPI document', async () => {
    const { body } = await service.http.get('/docs-json').expect(200);
    expect(body.info.title).toBe('Capstone notification-service');
    expect(Object.keys(body.paths)).toContain('/api/notifications/v1/preferences');
  });

  it('exposes Prometheus metrics', async () => {
    const { text } = await service.http.get('/metrics').expect(200);
    expect(text).toContain('mail_deliveries_total');
  });
});
