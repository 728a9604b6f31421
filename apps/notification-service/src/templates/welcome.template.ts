import { greetingName } from './formatting';
import { html } from './html';
import { button } from './layout';
import type { MailTemplate } from './mail-template';

export const welcomeTemplate: MailTemplate<'welcome'> = {
  name: 'welcome',
  essential: false,
  compose: (mail) => ({
    subject: 'Welcome to Capstone',
    text: [
      `Welcome, ${greetingName(mail)}!`,
      'Your email address is confirmed and your account is ready:',
      mail.variables.appUrl,
      'You can turn off emails like this one in your notification preferences.',
    ].join('\n\n'),
    html: html`<p>Welcome, ${greetingName(mail)}!</p>
      <p>Your email address is confirmed and your account is ready.</p>
      ${button(mail.variables.appUrl, 'Open Capstone')}
      <p style="font-size: 12px;">
        You can turn off emails like this one in your notification preferences.
      </p>`,
  }),
  sample: { appUrl: 'https://app.capstone.test' },
};
