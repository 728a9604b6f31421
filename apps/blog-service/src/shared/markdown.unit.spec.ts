import {
  executableMarkupIn,
  HOSTILE_MARKDOWN,
  ORDINARY_MARKDOWN,
} from '../../test/sanitising-cases';
import { MarkdownRenderer } from './markdown';

const markdown = new MarkdownRenderer();

describe('the Markdown renderer', () => {
  it.each(HOSTILE_MARKDOWN)('renders %s as inert HTML', (_, hostile) => {
    expect(executableMarkupIn(markdown.render(hostile))).toEqual([]);
  });

  it('shows raw HTML as the text it is instead of dropping it', () => {
    expect(markdown.render('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });

  it('keeps a quote meant to end an attribute inside that attribute', () => {
    expect(markdown.render('![a" onerror="alert(1)](https://example.com/a.png)')).toBe(
      '<p><img src="https://example.com/a.png" alt="a&quot; onerror=&quot;alert(1)" /></p>\n',
    );
  });

  it.each(ORDINARY_MARKDOWN)('still renders %s', (_, ordinary, expected) => {
    const html = markdown.render(ordinary);
    expect(html).toContain(expected);
    expect(executableMarkupIn(html)).toEqual([]);
  });
});

// The check above is only as good as what it catches: each of these must be caught.
describe('the check for executable markup', () => {
  it.each([
    ['<script>alert(1)</script>', 'a <script> element'],
    ['<img src="x" onerror="alert(1)" />', 'a onerror attribute on <img>'],
    ['<a href="javascript:alert(1)">x</a>', 'a javascript: URL in href on <a>'],
    ['<a href="java&#x09;script&#58;alert(1)">x</a>', 'a javascript: URL in href on <a>'],
    ['<a href=" JAVASCRIPT:alert(1)">x</a>', 'a javascript: URL in href on <a>'],
    ['<img src="data:image/svg+xml,x" />', 'a data: URL in src on <img>'],
    ['<iframe src="https://evil.example/"></iframe>', 'a <iframe> element'],
    ['<svg onload=alert(1)>', 'markup a sanitiser does not write: <svg onload=alert(1)>'],
    ['<p style="background:url(x)">x</p>', 'a style attribute on <p>'],
    ['<td style="position:fixed">x</td>', 'a style of position:fixed'],
  ])('flags %s', (html, finding) => {
    expect(executableMarkupIn(html)).toContain(finding);
  });

  it('passes escaped markup, which a browser shows as text', () => {
    expect(executableMarkupIn('<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x</p>')).toEqual(
      [],
    );
  });
});
