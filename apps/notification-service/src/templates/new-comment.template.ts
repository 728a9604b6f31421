import { greetingName } from './formatting';
import { html } from './html';
import { button, optOutNote } from './layout';
import type { MailTemplate } from './mail-template';

export const newCommentTemplate: MailTemplate<'new-comment'> = {
  name: 'new-comment',
  essential: false,
  compose: (mail) => {
    const { articleTitle, commenterUsername, excerpt, articleUrl } = mail.variables;
    return {
      subject: `${commenterUsername} commented on "${articleTitle}"`,
      text: [
        `Hi ${greetingName(mail)},`,
        `${commenterUsername} commented on your article "${articleTitle}":`,
        excerpt.replace(/^/gm, '> '),
        `Read it and reply: ${articleUrl}`,
        optOutNote.text,
      ].join('\n\n'),
      html: html`<p>Hi ${greetingName(mail)},</p>
        <p>
          <strong>${commenterUsername}</strong> commented on your article
          <strong>${articleTitle}</strong>:
        </p>
        <blockquote style="margin: 0; padding: 8px 12px; border-left: 3px solid #d1d5db;">
          ${excerpt}
        </blockquote>
        ${button(articleUrl, 'Read and reply')} ${optOutNote.html}`,
    };
  },
  sample: {
    articleTitle: 'How to train your dragon',
    commenterUsername: 'grace',
    excerpt: 'Lovely read. The part about fire safety deserves an article of its own!',
    articleUrl: 'https://app.capstone.test/article/how-to-train-your-dragon-x1b2c3',
  },
};
