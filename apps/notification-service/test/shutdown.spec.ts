import { randomUUID } from 'node:crypto';
import { eventually, testEndpoints, TestTokenIssuer } from '@capstone/platform/testing';
import { Client } from 'pg';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';
import { TestSmtpServer } from './support/test-smtp-server';

describe('shutting down with email in flight', () => {
  let issuer: TestTokenIssuer;
  let smtp: TestSmtpServer;
  let service: NotificationServiceUnderTest;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    smtp = await TestSmtpServer.start();
    service = await startNotificationService('shutdown', { issuer, smtpUrl: smtp.url });
  });

  // The app itself is closed by the test; what the harness opened around it is closed here.
  afterAll(async () => {
    await service.queues.close();
    await service.database.drop();
    await smtp.close();
    await issuer.close();
  });

  /** Connections to the database, as the server counts them. */
  async function connectionsTo(database: string): Promise<number> {
    const admin = new Client({ connectionString: testEndpoints.databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ count: string }>(
        'SELECT count(*) FROM pg_stat_activity WHERE datname = $1',
        [database],
      );
      return Number(rows[0]?.count);
    } finally {
      await admin.end();
    }
  }

  it('closes its database only after the workers have stopped, leaving no connection open', async () => {
    const recipients = Array.from({ length: 20 }, (_, index) => `leaving-${index}@example.com`);
    for (const email of recipients) {
      await service.enqueueMail({
        deliveryId: randomUUID(),
        to: { email },
        template: 'password-changed',
        variables: { changedAt: new Date().toISOString() },
      });
    }
    // With the first email out, the workers are in the middle of the rest.
    await eventually(() => expect(smtp.received.length).toBeGreaterThan(0));

    await service.app.close();

    expect(await connectionsTo(service.database.name)).toBe(0);
  });
});
