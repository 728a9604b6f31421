import { probeBadInput, TestTokenIssuer, type BadInputReport } from '@capstone/platform/testing';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';

describe('notification-service given bad input', () => {
  let issuer: TestTokenIssuer;
  let service: NotificationServiceUnderTest;
  let report: BadInputReport;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    service = await startNotificationService('bad-input', { issuer });
    report = await probeBadInput(service.app, {
      signIn: async () => ({
        user: await issuer.mint({ claims: { roles: ['user'] } }),
        admin: service.adminToken,
      }),
    });
  }, 180_000);

  afterAll(async () => {
    await service.close();
    await issuer.close();
  });

  it('answers every operation in its OpenAPI document with a 4xx, never a 5xx or a hang', () => {
    expect(report.findings).toEqual([]);
  });

  it('gets its cases past the guards, to validation and to the handlers', () => {
    expect(report.statuses[422]).toBeGreaterThan(0);
    expect(report.statuses[200]).toBeGreaterThan(0);
  });
});
