import { metricValue } from '@capstone/platform/testing';
import { randomInt } from 'node:crypto';
import { AuthorProjection } from '../src/authors/author-projection';
import { PrismaService } from '../src/database/prisma.service';
import { startBlogStack, type BlogStack } from './blog-stack';
import { draft, publish, signUp, tokenOf, type RealWorldUser } from './realworld-client';

interface Hit {
  slug: string;
  title: string;
  tagList: string[];
  author: { username: string; bio: string | null; following: boolean };
  highlight: { title: string; body: string };
}

interface SearchPage {
  items: Hit[];
  nextCursor: string | null;
}

/** A made-up word no other test's article holds, so each test sees only its own hits. */
function uniqueWord(): string {
  return Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('');
}

/** What is left of highlighted HTML once its <mark> elements are taken out: must be plain text. */
const withoutMarks = (html: string) => html.replace(/<\/?mark>/g, '');

describe('article search on the native API', () => {
  let stack: BlogStack;
  let api: BlogStack['gateway'];
  let writer: RealWorldUser;

  beforeAll(async () => {
    stack = await startBlogStack('search');
    api = stack.gateway;
    writer = await signUp(api);
  });

  afterAll(() => stack.close());

  async function search(query: Record<string, string | number>, user?: RealWorldUser) {
    const call = api.get('/api/blog/v1/search').query(query);
    const { body } = await (user ? call.set('Authorization', tokenOf(user)) : call).expect(200);
    return body as SearchPage;
  }

  async function everyPage(q: string, limit: number): Promise<SearchPage[]> {
    const pages: SearchPage[] = [];
    let cursor: string | null | undefined;
    do {
      pages.push(await search({ q, limit, ...(cursor ? { cursor } : {}) }));
      cursor = pages.at(-1)?.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it('ranks a match in the title above one in the description, and that above one in the body', async () => {
    const word = uniqueWord();
    const inBody = await publish(api, writer, draft({ body: `Mostly about ${word}.` }));
    const inDescription = await publish(api, writer, draft({ description: `About ${word}` }));
    const inTitle = await publish(api, writer, draft({ title: `The ${word} handbook` }));
    const { items } = await search({ q: word });
    expect(items.map((hit) => hit.slug)).toEqual([inTitle.slug, inDescription.slug, inBody.slug]);
  });

  it('finds articles by their tags, with each hit carrying its tags and author profile', async () => {
    const word = uniqueWord();
    const tagged = await publish(api, writer, draft({ tagList: ['dragons', word] }));
    const { items } = await search({ q: word });
    expect(items).toEqual([
      expect.objectContaining({
        slug: tagged.slug,
        tagList: ['dragons', word],
        author: { username: writer.username, bio: null, image: null, following: false },
        favorited: false,
        favoritesCount: 0,
      }),
    ]);
  });

  it('finds other forms of a word and understands quoted phrases and exclusions', async () => {
    const word = uniqueWord();
    const flying = await publish(api, writer, draft({ body: `Dragons flying over ${word}.` }));
    const swimming = await publish(api, writer, draft({ body: `Dragons swimming in ${word}.` }));
    const slugs = async (q: string) => (await search({ q })).items.map((hit) => hit.slug).sort();
    expect(await slugs(`${word} dragon`)).toEqual([flying.slug, swimming.slug].sort());
    expect(await slugs(`${word} "dragons flying"`)).toEqual([flying.slug]);
    expect(await slugs(`${word} -swim`)).toEqual([flying.slug]);
    expect(await slugs(`${word} or nothingelse`)).toEqual([flying.slug, swimming.slug].sort());
  });

  it('highlights the matching words in the title and the body with <mark>', async () => {
    const word = uniqueWord();
    await publish(
      api,
      writer,
      draft({
        title: `Training the ${word}`,
        body: `${'Some opening words. '.repeat(20)}Then the ${word} arrives. ${'More words. '.repeat(20)}`,
      }),
    );
    const [hit] = (await search({ q: word })).items;
    expect(hit.title).toBe(`Training the ${word}`);
    expect(hit.highlight.title).toBe(`Training the <mark>${word}</mark>`);
    expect(hit.highlight.body).toContain(`Then the <mark>${word}</mark> arrives.`);
    // An excerpt around the match, not the whole body.
    expect(hit.highlight.body.length).toBeLessThan(400);
  });

  it('never returns markup from a title or body as HTML in a highlight, only as escaped text', async () => {
    const word = uniqueWord();
    const title = `<script>alert(1)</script> ${word} & <b>bold</b>`;
    const body = [
      `<script>alert("${word}")</script>`,
      `<img src=x onerror=alert(1)> ${word}`,
      `<mark onclick="alert(1)">${word}</mark>`,
      `[${word}](javascript:alert(1)) &lt;already escaped&gt;`,
    ].join('\n\n');
    await publish(api, writer, draft({ title, body }));
    const [hit] = (await search({ q: word })).items;
    expect(hit.title).toBe(title);
    for (const html of [hit.highlight.title, hit.highlight.body]) {
      expect(withoutMarks(html)).not.toContain('<');
      expect(withoutMarks(html)).not.toContain('>');
    }
    expect(hit.highlight.title).toBe(
      `&lt;script&gt;alert(1)&lt;/script&gt; <mark>${word}</mark> &amp; &lt;b&gt;bold&lt;/b&gt;`,
    );
    expect(hit.highlight.body).toContain(`alert("<mark>${word}</mark>")&lt;/script&gt;`);
    expect(hit.highlight.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hit.highlight.body).toContain(`&lt;mark onclick="alert(1)"&gt;<mark>${word}</mark>`);
  });

  it('pages through tied ranks and creation times giving every hit exactly once', async () => {
    const word = uniqueWord();
    const leaders = [];
    for (let n = 0; n < 2; n += 1) {
      leaders.push(await publish(api, writer, draft({ title: `${word} first`, body: 'x' })));
    }
    // Nine articles with the same text rank the same; six of them also share a creation time.
    const tied = [];
    for (let n = 0; n < 9; n += 1) {
      tied.push(await publish(api, writer, draft({ title: 'Tied', body: `About ${word}.` })));
    }
    await stack.blog.app.get(PrismaService).article.updateMany({
      where: { slug: { in: tied.slice(0, 6).map((article) => article.slug) } },
      data: { createdAt: new Date('2026-01-01T00:00:00.000Z') },
    });

    const pages = await everyPage(word, 3);
    const slugs = pages.flatMap((page) => page.items.map((hit) => hit.slug));
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 3, 2]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    expect(new Set(slugs).size).toBe(slugs.length);
    expect([...slugs].sort()).toEqual([...leaders, ...tied].map((a) => a.slug).sort());
    // The same order as one page holding them all: paging neither reorders nor drops a hit.
    expect(slugs).toEqual((await search({ q: word, limit: 50 })).items.map((hit) => hit.slug));
    expect(slugs.slice(0, 2).sort()).toEqual(leaders.map((a) => a.slug).sort());
  });

  it('hides the articles of a disabled author, and only theirs', async () => {
    const word = uniqueWord();
    const disabled = await signUp(api);
    const hidden = await publish(api, disabled, draft({ body: `Soon hidden ${word}.` }));
    const shown = await publish(api, writer, draft({ body: `Still shown ${word}.` }));
    expect((await search({ q: word })).items.map((hit) => hit.slug).sort()).toEqual(
      [hidden.slug, shown.slug].sort(),
    );

    const author = await stack.blog.app
      .get(PrismaService)
      .author.findFirstOrThrow({ where: { username: disabled.username } });
    await stack.blog.app
      .get(AuthorProjection)
      .changeStatus(author.id, 'disabled', author.profileVersion);

    expect((await search({ q: word })).items.map((hit) => hit.slug)).toEqual([shown.slug]);
  });

  it("shows a signed-in reader's favorites and follows in the hits", async () => {
    const word = uniqueWord();
    const reader = await signUp(api);
    const article = await publish(api, writer, draft({ body: `Favorited ${word}.` }));
    await api
      .post(`/api/articles/${article.slug}/favorite`)
      .set('Authorization', tokenOf(reader))
      .expect(200);
    await api
      .post(`/api/profiles/${writer.username}/follow`)
      .set('Authorization', tokenOf(reader))
      .expect(200);
    const [hit] = (await search({ q: word }, reader)).items;
    expect(hit).toMatchObject({
      favorited: true,
      favoritesCount: 1,
      author: { username: writer.username, following: true },
    });
  });

  it('sends as many statements for a page of 20 hits as for a page of 2', async () => {
    const word = uniqueWord();
    const reader = await signUp(api);
    for (let n = 0; n < 20; n += 1) {
      await publish(api, await signUp(api), draft({ body: `Counted ${word}.` }));
    }
    const statementsOf = async (limit: number) => {
      const before = await metricValue('blog_sql_statements_total');
      await search({ q: word, limit }, reader);
      return (await metricValue('blog_sql_statements_total')) - before;
    };
    // The first signed-in request reads the reader's author row into the cache.
    await statementsOf(1);
    const few = await statementsOf(2);
    const many = await statementsOf(20);
    expect(many).toBe(few);
    // Ranking, the articles, their authors, the reader's favorites and follows among them.
    expect(many).toBeLessThanOrEqual(5);
  }, 60_000);

  it.each([
    ['a quoted phrase left open', '"never closed'],
    ['operators alone', '-'],
    ['operators and punctuation', '& | ! : * ( ) < > \\'],
    ['only stop words', 'the and of'],
    ['SQL', "'); DROP TABLE article; --"],
    ['another script', '東京 ドラゴン'],
    ['the longest query', 'w'.repeat(200)],
  ])('answers %s as words, with 200 and no error', async (_, q) => {
    const page = await search({ q });
    expect(page).toEqual({ items: expect.any(Array), nextCursor: null });
  });

  describe('given bad input', () => {
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it.each([
      ['no q', {}, 'q'],
      ['an empty q', { q: '' }, 'q'],
      ['a blank q', { q: '   ' }, 'q'],
      ['a q over 200 characters', { q: 'w'.repeat(201) }, 'q'],
      ['two qs', { q: ['one', 'two'] }, 'q'],
      ['a q holding a NUL character', { q: 'drag\u0000on' }, 'q'],
      ['limit 0', { q: 'dragon', limit: 0 }, 'limit'],
      ['limit 51', { q: 'dragon', limit: 51 }, 'limit'],
      ['a limit that is not a number', { q: 'dragon', limit: 'ten' }, 'limit'],
      ['a fractional limit', { q: 'dragon', limit: '1.5' }, 'limit'],
      ['an unknown parameter', { q: 'dragon', sort: 'new' }, 'sort'],
    ])('answers %s with 422 problem details naming the field', async (_, query, field) => {
      const { body } = await api
        .get('/api/blog/v1/search')
        .query(query)
        .expect(422)
        .expect('Content-Type', /^application\/problem\+json/);
      expect(body).toMatchObject({
        status: 422,
        code: 'validation_failed',
        instance: '/api/blog/v1/search',
      });
      expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it.each([
      ['text that is no cursor', 'garbage'],
      ['a cursor of another shape', encoded({ offset: 20 })],
      [
        'a cursor with an id that is not one',
        encoded([1, '2026-01-01T00:00:00.000Z', "1' OR 1=1"]),
      ],
      ['a cursor far too long', 'A'.repeat(500)],
    ])('answers %s with 422 invalid_cursor', async (_, cursor) => {
      const { body } = await api
        .get('/api/blog/v1/search')
        .query({ q: 'dragon', cursor })
        .expect(422)
        .expect('Content-Type', /^application\/problem\+json/);
      expect(body).toMatchObject({
        status: 422,
        code: 'invalid_cursor',
        errors: [{ field: 'cursor', code: 'invalid_cursor', message: expect.any(String) }],
      });
    });
  });
});
