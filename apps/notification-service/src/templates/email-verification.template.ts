import { greetingName, utcTime } from './formatting';
import { html } from './html';
import { button } from './layout';
import type { MailTemplate } from './mail-template';

export const emailVerificationTemplate: MailTemplate<'email-verification'> = {
  name: 'email-verification',
  essential: true,
  compose: (mail) => {
    const { verificationUrl, expiresAt } = mail.variables;
    return {
      subject: 'Confirm your email address',
      text: [
        `Hi ${greetingName(mail)},`,
        'Please confirm your email address by opening this link:',
        verificationUrl,
        `The link works once and expires at ${utcTime(expiresAt)}. If you did not create an account, ignore this email.`,
      ].join('\n\n'),
      html: html`<p>Hi ${greetingName(mail)},</p>
        <p>Please confirm your email address.</p>
        ${button(verificationUrl, 'Confirm email')}
        <p>
          The link works once and expires at ${utcTime(expiresAt)}. If you did not create an
          account, ignore this email.
        </p>`,
    };
  },
  sample: {
    verificationUrl: 'https://app.capstone.test/verify-email#token=sample-token',
    expiresAt: '2030-01-02T03:04:00.000Z',
  },
};
