import { greetingName } from './formatting';
import { html } from './html';
import { button, optOutNote } from './layout';
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
      optOutNote.text,
    ].join('\n\n'),
    html: html`<p>Welcome, ${greetingName(mail)}!</p>
      <p>Your email address is confirmed and your account is ready.</p>
      ${button(mail.variables.appUrl, 'Open Capstone')} ${optOutNote.html}`,
  }),
  sample: { appUrl: 'https://app.capstone.test' },
};
