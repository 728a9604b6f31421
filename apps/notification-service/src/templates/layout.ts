import { html, type SafeHtml } from './html';
import type { RenderedMail, TemplateContent } from './mail-template';

/** Every email's HTML document: one frame, so templates only write what they say. */
export function withLayout({ subject, text, html: body }: TemplateContent): RenderedMail {
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${subject}</title>
      </head>
      <body
        style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937; max-width: 560px; margin: 0 auto; padding: 24px;"
      >
        ${body}
        <p style="color: #6b7280; font-size: 12px;">Capstone</p>
      </body>
    </html>`;
  return { subject, text: `${text}\n\n-- \nCapstone\n`, html: document.markup };
}

export function button(href: string, label: string): SafeHtml {
  return html`<p>
      <a
        href="${href}"
        style="background: #2563eb; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none;"
        >${label}</a
      >
    </p>
    <p style="font-size: 12px;">Or paste this link into your browser: ${href}</p>`;
}

/** The last lines of every non-essential email: the reader can stop such mail. */
export const optOutNote = {
  text: 'You can turn off emails like this one in your notification preferences.',
  html: html`<p style="font-size: 12px;">
    You can turn off emails like this one in your notification preferences.
  </p>`,
};
