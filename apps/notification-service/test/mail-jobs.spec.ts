import { randomUUID } from 'node:crypto';
import { SendMail, type SendMailJob } from '@capstone/contracts';
import { conventionalJobOptions } from '@capstone/platform/queues';
import { eventually, metricValue, TestTokenIssuer } from '@capstone/platform/testing';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';
import { TestSmtpServer } from './support/test-smtp-server';

describe('mail jobs', () => {
  let issuer: TestTokenIssuer;
  let smtp: TestSmtpServer;
  let service: NotificationServiceUnderTest;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    smtp = await TestSmtpServer.start();
    service = await startNotificationService('mail-jobs', { issuer, smtpUrl: smtp.url });
  });

  afterAll(async () => {
    await service.close();
    await smtp.close();
    await issuer.close();
  });

  const verificationFor = (
    email: string,
  ): Extract<SendMailJob, { template: 'email-verification' }> => ({
    deliveryId: randomUUID(),
    to: { email, userId: randomUUID(), username: 'ada' },
    template: 'email-verification',
    variables: {
      verificationUrl: 'http://app.test/verify-email#token=abc_DEF-123&x=<y>',
      expiresAt: '2030-01-02T03:04:00.000Z',
    },
  });

  const deliveryOf = async (recipient: string) => (await service.deliveriesTo(recipient))[0];

  it('sends the verification email with its link intact in both parts', async () => {
    const mail = verificationFor('ada@example.com');
    await service.enqueueMail(mail);

    const received = await smtp.awaitMailTo('ada@example.com');
    expect(received.subject).toBe('Confirm your email address');
    expect(received.text).toContain(mail.variables.verificationUrl);
    expect(received.html).toContain(
      'href="http://app.test/verify-email#token=abc_DEF-123&amp;x=&lt;y&gt;"',
    );
    expect(received.messageId).toBe(`<${mail.deliveryId}@notification.capstone>`);
    await eventually(async () =>
      expect(await deliveryOf('ada@example.com')).toMatchObject({
        id: mail.deliveryId,
        template: 'email-verification',
        source: 'job',
        sourceId: mail.deliveryId,
        status: 'sent',
        attempts: 1,
        providerMessageId: received.messageId,
      }),
    );
  });

  it('sends the password reset email with its link intact', async () => {
    const resetUrl = 'http://app.test/reset-password#token=Zm9vYmFy_-';
    await service.enqueueMail({
      deliveryId: randomUUID(),
      to: { email: 'grace@example.com' },
      template: 'password-reset',
      variables: { resetUrl, expiresAt: '2030-01-02T03:04:00.000Z' },
    });

    const received = await smtp.awaitMailTo('grace@example.com');
    expect(received.subject).toBe('Reset your password');
    expect(received.text).toContain(resetUrl);
    expect(received.html).toContain(`href="${resetUrl}"`);
  });

  it('counts every email sent and times it from the request to the server accepting it', async () => {
    // A template no other test here sends, so no earlier email can still be counted in between.
    /** How many password-changed emails the latency histogram has observed, as /metrics shows it. */
    const timed = async () => {
      const { text } = await service.http.get('/metrics').expect(200);
      const sample =
        /^mail_delivery_latency_seconds_count\{template="password-changed"\} (\d+)$/m.exec(text);
      return Number(sample?.[1] ?? 0);
    };
    const sent = () =>
      metricValue('mail_deliveries_total', { template: 'password-changed', outcome: 'sent' });
    const [sentBefore, timedBefore] = [await sent(), await timed()];

    await service.enqueueMail({
      deliveryId: randomUUID(),
      to: { email: 'counted@example.com' },
      template: 'password-changed',
      variables: { changedAt: '2030-01-02T03:04:00.000Z' },
    });
    await smtp.awaitMailTo('counted@example.com');

    await eventually(async () => {
      expect(await sent()).toBe(sentBefore + 1);
      expect(await timed()).toBe(timedBefore + 1);
    });
  });

  it('sends nothing for a second job with a delivery id already sent', async () => {
    const mail = verificationFor('once@example.com');
    await service.enqueueMail(mail);
    await smtp.awaitMailTo('once@example.com');

    // A different job id with the same delivery id: BullMQ cannot deduplicate it, the delivery log must.
    const again = await service.mailQueue.enqueue(SendMail, mail, { jobId: randomUUID() });
    await eventually(async () => expect(await again.isCompleted()).toBe(true));
    expect((await service.queues.get(SendMail.queue).getJob(String(again.id)))?.returnvalue).toBe(
      'duplicate',
    );
    expect(smtp.mailTo('once@example.com')).toHaveLength(1);
  });

  it('retries while the SMTP server is down and delivers once it is back', async () => {
    const retried = () =>
      metricValue('mail_deliveries_total', { template: 'email-verification', outcome: 'retried' });
    const retriedBefore = await retried();
    await smtp.stop();
    const mail = verificationFor('patient@example.com');
    await service.enqueueMail(mail);
    await eventually(async () =>
      expect(await deliveryOf('patient@example.com')).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: expect.stringMatching(/ECONNREFUSED/),
      }),
    );

    await smtp.resume();
    await smtp.awaitMailTo('patient@example.com', { timeoutMs: 15_000 });
    await eventually(async () =>
      expect(await deliveryOf('patient@example.com')).toMatchObject({
        status: 'sent',
        attempts: 2,
        lastError: null,
      }),
    );
    expect(smtp.mailTo('patient@example.com')).toHaveLength(1);
    expect(await retried()).toBeGreaterThan(retriedBefore);
  });

  it('records a permanent rejection as failed and does not retry it', async () => {
    const failed = () =>
      metricValue('mail_deliveries_total', { template: 'email-verification', outcome: 'failed' });
    const failedBefore = await failed();
    smtp.refuse('nobody@example.com');
    const mail = verificationFor('nobody@example.com');
    await service.enqueueMail(mail);

    await eventually(async () =>
      expect(await deliveryOf('nobody@example.com')).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: expect.stringMatching(/550/),
      }),
    );
    const job = await service.queues.get(SendMail.queue).getJob(mail.deliveryId);
    await eventually(async () => expect(await job?.isFailed()).toBe(true));
    expect(job?.attemptsMade).toBe(1);
    expect(await failed()).toBe(failedBefore + 1);
  });

  it('fails a delivery whose every attempt met a temporary failure, and keeps its job for the dashboard', async () => {
    smtp.defer('busy@example.com');
    const mail = verificationFor('busy@example.com');
    await service.enqueueMail(mail);

    // Backoff of 1, 2, 4 and 8 seconds between the attempts.
    await eventually(
      async () =>
        expect(await deliveryOf('busy@example.com')).toMatchObject({
          status: 'failed',
          attempts: conventionalJobOptions.attempts,
          lastError: expect.stringMatching(/451/),
        }),
      { timeoutMs: 40_000 },
    );
    const queue = service.queues.get(SendMail.queue);
    await eventually(async () => expect(await queue.getJobState(mail.deliveryId)).toBe('failed'));
    expect((await queue.getJob(mail.deliveryId))?.attemptsMade).toBe(
      conventionalJobOptions.attempts,
    );
    expect(smtp.mailTo('busy@example.com')).toHaveLength(0);
  });

  it('fails a job that breaks the mail contract without sending or retrying it', async () => {
    const queue = service.queues.get(SendMail.queue);
    const job = await queue.add(SendMail.name, {
      correlationId: 'poison',
      payload: { template: 'email-verification', to: { email: 'x' } },
    });
    await eventually(async () => expect(await job.isFailed()).toBe(true));
    expect((await queue.getJob(String(job.id)))?.attemptsMade).toBe(1);
  });
});
