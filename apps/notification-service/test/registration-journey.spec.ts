import { testKafkaNames, testRedisPrefix, TestTokenIssuer } from '@capstone/platform/testing';
import { decodeJwt } from 'jose';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the journey runs the real auth-service, built by its own test harness
import { logIn, newClientIp, register, tokenInLink } from '../../auth-service/test/accounts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import {
  PUBLIC_APP_URL,
  startAuthService,
  type AuthServiceUnderTest,
} from '../../auth-service/test/auth-service';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './notification-service';
import type { ReceivedMail } from './support/received-mail';
import { TestSmtpServer } from './support/test-smtp-server';

/**
 * A user's paths across both services with nothing faked in between: auth-service's `mail` jobs
 * reach notification-service's worker through one BullMQ prefix, and its `auth.users` events reach
 * notification-service's consumer through one Kafka topic prefix.
 */
describe("auth-service's emails, sent by notification-service, with links that work", () => {
  let issuer: TestTokenIssuer;
  let smtp: TestSmtpServer;
  let auth: AuthServiceUnderTest;
  let notification: NotificationServiceUnderTest;

  beforeAll(async () => {
    const kafka = testKafkaNames('registration-journey');
    const queuePrefix = testRedisPrefix('registration-journey');
    // notification-service's own endpoints are not on this path; the issuer only completes its configuration.
    issuer = await TestTokenIssuer.start();
    smtp = await TestSmtpServer.start();
    // One after the other: each app reads its configuration from process.env while it is built.
    auth = await startAuthService('registration-journey', { kafka, queuePrefix });
    notification = await startNotificationService('registration-journey', {
      issuer,
      smtpUrl: smtp.url,
      kafka,
      queuePrefix,
    });
  });

  afterAll(async () => {
    await notification.close();
    await auth.close();
    await smtp.close();
    await issuer.close();
  });

  /** The link as a reader sees it: the line of the text part that opens this page of the web app. */
  function linkIn(mail: ReceivedMail, page: 'verify-email' | 'reset-password'): string {
    const link = mail.text
      .split(/\r?\n/)
      .find((line) => line.startsWith(`${PUBLIC_APP_URL}/${page}#token=`));
    if (!link) throw new Error(`no ${page} link in:\n${mail.text}`);
    return link;
  }

  async function emailVerifiedClaim(account: {
    email: string;
    password: string;
  }): Promise<unknown> {
    const { accessToken } = await logIn(auth, account);
    return decodeJwt(accessToken).email_verified;
  }

  it('verifies the address through the link in the verification email, then sends the welcome', async () => {
    const account = await register(auth);
    expect(await emailVerifiedClaim(account)).toBe(false);

    const verification = await smtp.awaitMailTo(account.email, {
      subject: 'Confirm your email address',
      timeoutMs: 20_000,
    });
    const link = linkIn(verification, 'verify-email');
    expect(verification.html).toContain(`href="${link}"`);

    // What the web app does when the link opens it: the token travels in the fragment, so the page posts it.
    const { body } = await auth.http
      .post('/api/auth/v1/email-verification/confirm')
      .send({ token: tokenInLink(link) })
      .expect(200);
    expect(body).toMatchObject({ email: account.email, emailVerified: true });
    expect(await emailVerifiedClaim(account)).toBe(true);

    const welcome = await smtp.awaitMailTo(account.email, {
      subject: 'Welcome to Capstone',
      timeoutMs: 20_000,
    });
    expect(welcome.text).toContain(`Welcome, ${account.username}!`);
    expect(smtp.mailTo(account.email).map((mail) => mail.subject)).toEqual([
      'Confirm your email address',
      'Welcome to Capstone',
    ]);
  });

  it('resets a forgotten password through the link in the reset email', async () => {
    const account = await register(auth);
    await auth.http
      .post('/api/auth/v1/password-reset')
      .set('X-Forwarded-For', newClientIp())
      .send({ email: account.email })
      .expect(202);

    const reset = await smtp.awaitMailTo(account.email, {
      subject: 'Reset your password',
      timeoutMs: 20_000,
    });
    const link = linkIn(reset, 'reset-password');
    expect(reset.html).toContain(`href="${link}"`);

    // What the web app's reset page posts: the token from the fragment and the new password.
    const password = `${account.password} renewed`;
    await auth.http
      .post('/api/auth/v1/password-reset/confirm')
      .set('X-Forwarded-For', newClientIp())
      .send({ token: tokenInLink(link), password })
      .expect(204);
    await logIn(auth, { email: account.email, password });
  });
});
