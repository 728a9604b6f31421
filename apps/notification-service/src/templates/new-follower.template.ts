import { greetingName } from './formatting';
import { html } from './html';
import { button, optOutNote } from './layout';
import type { MailTemplate } from './mail-template';

export const newFollowerTemplate: MailTemplate<'new-follower'> = {
  name: 'new-follower',
  essential: false,
  compose: (mail) => {
    const { followerUsername, profileUrl } = mail.variables;
    return {
      subject: `${followerUsername} is now following you`,
      text: [
        `Hi ${greetingName(mail)},`,
        `${followerUsername} started following you: your new articles will show up in their feed.`,
        `See their profile: ${profileUrl}`,
        optOutNote.text,
      ].join('\n\n'),
      html: html`<p>Hi ${greetingName(mail)},</p>
        <p>
          <strong>${followerUsername}</strong> started following you: your new articles will show up
          in their feed.
        </p>
        ${button(profileUrl, 'See their profile')} ${optOutNote.html}`,
    };
  },
  sample: { followerUsername: 'grace', profileUrl: 'https://app.capstone.test/profile/grace' },
};
