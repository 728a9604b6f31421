import { Injectable } from '@nestjs/common';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in Markdown is escaped by the renderer, and what it produces is sanitised again: a
// renderer bug or a crafted link must not be the only thing between a reader and a script.
const renderer = new MarkdownIt({ html: false, linkify: true });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del'],
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'img'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    code: ['class'],
    th: ['style'],
    td: ['style'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  // Links leave the site without telling it who sent them or giving the new page a handle on it.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
};

/** Article and comment bodies: Markdown in, HTML that is safe to insert into a page out. */
@Injectable()
export class MarkdownRenderer {
  render(markdown: string): string {
    return sanitizeHtml(renderer.render(markdown), allowed);
  }
}
