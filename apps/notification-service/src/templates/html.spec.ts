import { html } from './html';

describe('the html template tag', () => {
  it('escapes every interpolated value', () => {
    expect(html`<p title="${'"x" & y'}">${"<script>alert('x')</script>"}</p>`.markup).toBe(
      '<p title="&quot;x&quot; &amp; y">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>',
    );
  });

  it('embeds markup built by html itself as it is', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.markup).toBe('<p><b>&lt;i&gt;</b></p>');
  });
});
