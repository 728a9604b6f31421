import { eventually } from '@capstone/platform/testing';
import { startBlogStack, type BlogStack } from './blog-stack';
import { draft, publish, signUp, tokenOf, type RealWorldUser } from './realworld-client';
import { executableMarkupIn, HOSTILE_MARKDOWN, ORDINARY_MARKDOWN } from './sanitising-cases';

/**
 * Script written into an article or a comment must never reach a reader as script. Bodies are
 * Markdown rendered once, on write, to sanitised HTML (`bodyHtml`); titles, bodies and profiles
 * are returned as the plain text they are, for clients to escape as they would any JSON string.
 */
describe('what readers are given of hostile articles and comments', () => {
  let stack: BlogStack;
  let api: BlogStack['gateway'];
  let attacker: RealWorldUser;

  beforeAll(async () => {
    stack = await startBlogStack('sanitising');
    api = stack.gateway;
    attacker = await signUp(api);
  });

  afterAll(() => stack.close());

  const readArticle = async (slug: string) =>
    (await api.get(`/api/blog/v1/articles/${slug}`).expect(200)).body;

  describe.each(HOSTILE_MARKDOWN)('%s', (_, hostile) => {
    it('in an article body renders to HTML that cannot run, and keeps the Markdown as written', async () => {
      const article = await publish(api, attacker, draft({ body: hostile }));
      const read = await readArticle(article.slug);
      expect(executableMarkupIn(read.bodyHtml)).toEqual([]);
      expect(read.body).toBe(hostile);
    });

    it('in a comment renders to HTML that cannot run', async () => {
      const article = await publish(api, attacker, draft());
      await api
        .post(`/api/articles/${article.slug}/comments`)
        .set('Authorization', tokenOf(attacker))
        .send({ comment: { body: hostile } })
        .expect(201);
      const { body: comments } = await api
        .get(`/api/blog/v1/articles/${article.slug}/comments`)
        .expect(200);
      expect(comments).toHaveLength(1);
      expect(executableMarkupIn(comments[0].bodyHtml)).toEqual([]);
      expect(comments[0].body).toBe(hostile);
    });

    it('in a title comes back as the same plain text, never rendered', async () => {
      const title = `${hostile} ${Date.now()}`;
      const article = await publish(api, attacker, draft({ title }));
      expect((await readArticle(article.slug)).title).toBe(title);
    });
  });

  it('still renders ordinary Markdown in bodies and comments', async () => {
    const markdown = ORDINARY_MARKDOWN.map(([, source]) => source).join('\n\n');
    const article = await publish(api, attacker, draft({ body: markdown }));
    await api
      .post(`/api/articles/${article.slug}/comments`)
      .set('Authorization', tokenOf(attacker))
      .send({ comment: { body: markdown } })
      .expect(201);
    const read = await readArticle(article.slug);
    const [comment] = (await api.get(`/api/blog/v1/articles/${article.slug}/comments`).expect(200))
      .body;
    for (const html of [read.bodyHtml, comment.bodyHtml]) {
      for (const [, , expected] of ORDINARY_MARKDOWN) expect(html).toContain(expected);
      expect(executableMarkupIn(html)).toEqual([]);
    }
  });

  it("returns a script in an author's bio verbatim as JSON text, not rendered", async () => {
    const bio = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const author = await signUp(api);
    await api
      .put('/api/user')
      .set('Authorization', tokenOf(author))
      .send({ user: { bio } })
      .expect(200);
    const article = await publish(api, author, draft());
    // The bio reaches blog-service on auth.users; the article shows it once it has.
    const read = await eventually(async () => {
      const current = await readArticle(article.slug);
      expect(current.author.bio).toBe(bio);
      return current;
    });
    expect(read.author).toEqual({ username: author.username, bio, image: null, following: false });
  });

  it('answers as JSON that a browser will not sniff as HTML', async () => {
    const article = await publish(api, attacker, draft({ body: '<script>alert(1)</script>' }));
    await api
      .get(`/api/blog/v1/articles/${article.slug}`)
      .expect(200)
      .expect('Content-Type', /^application\/json/)
      .expect('X-Content-Type-Options', 'nosniff');
  });

  it('answers an unknown slug with 404 problem details, for the article and its comments', async () => {
    for (const path of [
      '/api/blog/v1/articles/no-such-slug',
      '/api/blog/v1/articles/no-such-slug/comments',
    ]) {
      const { body } = await api
        .get(path)
        .expect(404)
        .expect('Content-Type', /^application\/problem\+json/);
      expect(body).toMatchObject({ status: 404, code: 'article_not_found', instance: path });
    }
  });
});
