import { greetingName, utcTime } from './formatting';
import { html } from './html';
import type { MailTemplate } from './mail-template';

export const passwordChangedTemplate: MailTemplate<'password-changed'> = {
  name: 'password-changed',
  essential: true,
  compose: (mail) => {
    const changedAt = utcTime(mail.variables.changedAt);
    return {
      subject: 'Your password was changed',
      text: [
        `Hi ${greetingName(mail)},`,
        `The password of your account was changed at ${changedAt}.`,
        'If this was not you, reset your password now and review your active sessions.',
      ].join('\n\n'),
      html: html`<p>Hi ${greetingName(mail)},</p>
        <p>The password of your account was changed at ${changedAt}.</p>
        <p>
          <strong>If this was not you</strong>, reset your password now and review your active
          sessions.
        </p>`,
    };
  },
  sample: { changedAt: '2030-01-02T03:04:00.000Z' },
};
