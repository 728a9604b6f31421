import { adminPage } from '../admin/admin-page';
import { LOGOUT_PATH } from '../admin/development-login/login-page';
import { html, SafeHtml, escapeHtml } from '../templates/html';
import type { MailboxMessage } from './development-mailbox';

/** The mailbox for a browser: newest first, each email's text with its links clickable. */
export function mailboxPage(
  messages: MailboxMessage[],
  { canLogOut }: { canLogOut: boolean },
): string {
  return adminPage(
    'Development mailbox',
    html`<h1>Development mailbox</h1>
      <p>
        <small
          >Every email sent while no SMTP server is configured. ?to=ada@capstone.local narrows
          it.</small
        >
      </p>
      ${
        canLogOut
          ? html`<form method="post" action="${LOGOUT_PATH}">
              <button type="submit">Log out</button>
            </form>`
          : ''
      }
      ${messages.length === 0 ? html`<p>No email yet.</p>` : ''}
      ${new SafeHtml(messages.map((message) => messageView(message).markup).join(''))}`,
  );
}

function messageView(message: MailboxMessage): SafeHtml {
  return html`<article>
    <h2>${message.subject}</h2>
    <p>
      <small>to ${message.to} · from ${message.from} · ${message.receivedAt.toISOString()}</small>
    </p>
    <pre>${withLinks(message.text)}</pre>
  </article>`;
}

/** Escaped first, so a link can only become an anchor to an http(s) address, never markup. */
function withLinks(text: string): SafeHtml {
  return new SafeHtml(
    escapeHtml(text).replace(/https?:\/\/[^\s"'<>]+/g, (url) => `<a href="${url}">${url}</a>`),
  );
}
