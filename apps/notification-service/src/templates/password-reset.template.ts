import { greetingName, utcTime } from './formatting';
import { html } from './html';
import { button } from './layout';
import type { MailTemplate } from './mail-template';

export const passwordResetTemplate: MailTemplate<'password-reset'> = {
  name: 'password-reset',
  essential: true,
  compose: (mail) => {
    const { resetUrl, expiresAt } = mail.variables;
    return {
      subject: 'Reset your password',
      text: [
        `Hi ${greetingName(mail)},`,
        'Someone asked to reset the password of your account. To choose a new one, open this link:',
        resetUrl,
        `The link works once and expires at ${utcTime(expiresAt)}. If it was not you, ignore this email: your password stays as it is.`,
      ].join('\n\n'),
      html: html`<p>Hi ${greetingName(mail)},</p>
        <p>Someone asked to reset the password of your account.</p>
        ${button(resetUrl, 'Choose a new password')}
        <p>
          The link works once and expires at ${utcTime(expiresAt)}. If it was not you, ignore this
          email: your password stays as it is.
        </p>`,
    };
  },
  sample: {
    resetUrl: 'https://app.capstone.test/reset-password#token=sample-token',
    expiresAt: '2030-01-02T03:04:00.000Z',
  },
};
