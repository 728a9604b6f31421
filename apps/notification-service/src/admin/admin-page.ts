import { html, type SafeHtml } from '../templates/html';

/** The frame of the few HTML pages administrators open in a browser; every value is escaped by `html`. */
export function adminPage(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · notification-service</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            line-height: 1.5;
            color: #1f2937;
            max-width: 760px;
            margin: 0 auto;
            padding: 24px;
          }
          label {
            display: block;
            margin: 12px 0 4px;
          }
          input {
            font: inherit;
            padding: 6px 8px;
            width: 100%;
            max-width: 360px;
            box-sizing: border-box;
          }
          button {
            font: inherit;
            margin-top: 16px;
            padding: 6px 16px;
          }
          .problem {
            color: #b91c1c;
          }
          article {
            border-top: 1px solid #e5e7eb;
            padding: 12px 0;
          }
          pre {
            white-space: pre-wrap;
            background: #f9fafb;
            padding: 12px;
          }
          small {
            color: #6b7280;
          }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`.markup;
}
