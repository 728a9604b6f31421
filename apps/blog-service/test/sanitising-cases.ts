/**
 * Markdown written to run script in a reader's browser, and the check that rendered HTML cannot:
 * shared by the renderer's unit test and the tests through the running service.
 */
export const HOSTILE_MARKDOWN: readonly (readonly [attack: string, markdown: string])[] = [
  ['a script element', '<script>alert(1)</script>'],
  ['an event handler on an image', '<img src=x onerror=alert(1)>'],
  ['a javascript: link', '[x](javascript:alert(1))'],
  ['a javascript: link in mixed case', '[x](JaVaScRiPt:alert(1))'],
  ['a javascript: link spelled with entities', '[x](&#106;avascript&#58;alert(1))'],
  ['a javascript: autolink', '<javascript:alert(1)>'],
  ['a javascript: image', '![x](javascript:alert(1))'],
  ['a vbscript: link', '[x](vbscript:msgbox(1))'],
  ['an HTML link to a data: URL', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
  ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['a data: image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
  ['an SVG image with script', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['an svg element with onload', '<svg onload=alert(1)>'],
  ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
  ['an object element', '<object data="https://evil.example/x.swf"></object>'],
  ['a style element', '<style>body { display: none }</style>'],
  ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['a form posting elsewhere', '<form action="https://evil.example/"><button>Go</button></form>'],
  ['a quote breaking out of a link', '[x](<https://example.com/" onmouseover="alert(1)>)'],
  ['a quote breaking out of a title', '[x](https://example.com "t\\" onmouseover=\\"alert(1)")'],
  ['a quote breaking out of alt text', '![a" onerror="alert(1)](https://example.com/a.png)'],
  ['a quote breaking out of a code class', '```js" onclick="alert(1)\ncode\n```'],
  ['raw HTML inside a list item', '- <b onmouseover=alert(1)>item</b>'],
];

/** Markdown a reader expects to see rendered, and a piece of the HTML that shows it was. */
export const ORDINARY_MARKDOWN: readonly (readonly [
  feature: string,
  markdown: string,
  html: string,
])[] = [
  ['emphasis', 'You have to *believe*.', '<em>believe</em>'],
  ['strong emphasis', 'It is **important**.', '<strong>important</strong>'],
  [
    'a link',
    '[the docs](https://example.com/docs)',
    '<a href="https://example.com/docs" rel="nofollow noopener noreferrer">the docs</a>',
  ],
  [
    'a bare URL',
    'See https://example.com/page',
    '<a href="https://example.com/page" rel="nofollow noopener noreferrer">',
  ],
  ['a mailto link', '[mail me](mailto:jake@example.com)', 'href="mailto:jake@example.com"'],
  [
    'a fenced code block, its markup shown as text',
    '```ts\nconst tag = "<b>";\n```',
    '<pre><code class="language-ts">const tag = "&lt;b&gt;";\n</code></pre>',
  ],
  ['inline code', 'Call `render()` once.', '<code>render()</code>'],
  ['a bulleted list', '- one\n- two', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
  ['a numbered list', '1. first\n2. second', '<ol>\n<li>first</li>\n<li>second</li>\n</ol>'],
  ['a heading', '## Training', '<h2>Training</h2>'],
  ['a blockquote', '> wise words', '<blockquote>\n<p>wise words</p>\n</blockquote>'],
  [
    'an image',
    '![a dragon](https://example.com/dragon.png)',
    '<img src="https://example.com/dragon.png" alt="a dragon" />',
  ],
  ['an aligned table', '| a |\n|:-:|\n| 1 |', '<td style="text-align:center">1</td>'],
];

// What rendered Markdown may hold. Anything else a browser could run, load or restyle the page with.
const INERT_TAGS = new Set([
  ...['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'img'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
]);
const INERT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title'],
  code: ['class'],
  th: ['style'],
  td: ['style'],
};
const URL_ATTRIBUTES = new Set(['href', 'src']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const ALIGNMENT = /^text-align:(left|right|center);?$/;

// A tag as a sanitiser writes one: a name, then name="value" pairs. Any other `<` is suspect.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*\/?>/y;
const ATTRIBUTE = /([a-zA-Z-]+)="([^"]*)"/g;

/**
 * Everything in `html` that a browser could execute: elements and attributes outside an inert
 * allow-list (script, iframe, svg, `on…=` handlers, styles but alignment), URLs of any scheme but
 * http, https and mailto (entities and control characters decoded first, as a browser does), and
 * markup a sanitiser would never write. Empty when the HTML is safe to insert into a page.
 */
export function executableMarkupIn(html: string): string[] {
  const findings: string[] = [];
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) {
      findings.push(`markup a sanitiser does not write: ${html.slice(at, at + 40)}`);
      continue;
    }
    const [, closing, rawName, attributes] = tag;
    const name = rawName.toLowerCase();
    if (!INERT_TAGS.has(name)) findings.push(`a <${name}> element`);
    if (closing) continue;
    for (const [, rawAttribute, value] of attributes.matchAll(ATTRIBUTE)) {
      const attribute = rawAttribute.toLowerCase();
      const decoded = decodedAttribute(value);
      if (!(INERT_ATTRIBUTES[name] ?? []).includes(attribute)) {
        findings.push(`a ${attribute} attribute on <${name}>`);
      } else if (attribute === 'style' && !ALIGNMENT.test(decoded.replace(/\s/g, ''))) {
        findings.push(`a style of ${decoded}`);
      } else if (URL_ATTRIBUTES.has(attribute)) {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(withoutControls(decoded));
        if (scheme && !SAFE_SCHEMES.has(scheme[1].toLowerCase())) {
          findings.push(`a ${scheme[1].toLowerCase()}: URL in ${attribute} on <${name}>`);
        }
      }
    }
  }
  return findings;
}

function decodedAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Browsers ignore spaces, tabs, newlines and other control characters in a URL's scheme. */
function withoutControls(url: string): string {
  return [...url].filter((character) => character.charCodeAt(0) > 0x20).join('');
}
