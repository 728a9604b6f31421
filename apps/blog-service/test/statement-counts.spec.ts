import { metricValue } from '@capstone/platform/testing';
import { startBlogStack, type BlogStack } from './blog-stack';
import { draft, publish, signUp, tokenOf, type RealWorldUser } from './realworld-client';

/** SQL statements blog-service sent while `request` ran. */
async function statementsOf(request: () => Promise<unknown>): Promise<number> {
  const before = await metricValue('blog_sql_statements_total');
  await request();
  return (await metricValue('blog_sql_statements_total')) - before;
}

describe('article lists are free of N+1 queries', () => {
  let stack: BlogStack;
  let reader: RealWorldUser;
  const unfollowed: RealWorldUser[] = [];

  beforeAll(async () => {
    stack = await startBlogStack('statement-counts');
    reader = await signUp(stack.auth.http);
    // 25 articles by 25 authors, half followed and favorited by the reader: every per-row lookup would show.
    for (let n = 0; n < 25; n += 1) {
      const author = await signUp(stack.auth.http);
      const article = await publish(stack.blog.http, author, draft({ tagList: ['counted'] }));
      if (n % 2 === 0) {
        await stack.blog.http
          .post(`/api/profiles/${author.username}/follow`)
          .set('Authorization', tokenOf(reader))
          .expect(200);
        await stack.blog.http
          .post(`/api/articles/${article.slug}/favorite`)
          .set('Authorization', tokenOf(reader))
          .expect(200);
      } else unfollowed.push(author);
    }
  }, 120_000);

  afterAll(() => stack.close());

  const list =
    (limit: number, signedIn: boolean, offset = 0) =>
    () => {
      const call = stack.blog.http.get('/api/articles').query({ limit, offset, tag: 'counted' });
      return (signedIn ? call.set('Authorization', tokenOf(reader)) : call).expect(200);
    };
  const feed = (limit: number) => () =>
    stack.blog.http
      .get('/api/articles/feed')
      .query({ limit })
      .set('Authorization', tokenOf(reader))
      .expect(200);

  it('sends as many statements for 20 uncached articles as for 2, anonymous or signed in', async () => {
    // Warm the reader's cached author row, which the first signed-in request reads.
    await list(1, true)();
    // Offsets not read before, so each page is a miss: the statements Postgres sees for a page.
    for (const [signedIn, offset] of [
      [false, 1],
      [true, 2],
    ] as const) {
      const few = await statementsOf(list(2, signedIn, offset));
      const many = await statementsOf(list(20, signedIn, offset));
      expect(many).toBe(few);
      expect(many).toBeLessThanOrEqual(signedIn ? 4 : 3);
    }
  });

  it('answers a cached page of 20 with no statement anonymous, and signed in once the reader has read it', async () => {
    await list(20, false, 3)();
    expect(await statementsOf(list(20, false, 3))).toBe(0);

    // The reader's favorites and follows among the page: one statement the first time, none after.
    expect(await statementsOf(list(20, true, 3))).toBe(1);
    expect(await statementsOf(list(20, true, 3))).toBe(0);
  });

  it("reads the reader's flags again, in one statement, after they follow someone", async () => {
    await list(20, true, 4)();
    // An author who signed up long ago: a new user's auth.users event would forget every page too.
    await stack.blog.http
      .post(`/api/profiles/${unfollowed[0].username}/follow`)
      .set('Authorization', tokenOf(reader))
      .expect(200);

    // The page is still cached; only the reader's flags were forgotten.
    expect(await statementsOf(list(20, true, 4))).toBe(1);
    expect(await statementsOf(list(20, true, 4))).toBe(0);
  });

  it('sends as many statements for a feed of 20 as for a feed of 2', async () => {
    await feed(1)();
    const few = await statementsOf(feed(2));
    const many = await statementsOf(feed(20));
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(4);
  });

  it('reads a cached article by slug without touching the database', async () => {
    const { body } = await list(1, false)();
    const slug = body.articles[0].slug as string;
    await stack.blog.http.get(`/api/articles/${slug}`).expect(200);
    expect(await statementsOf(() => stack.blog.http.get(`/api/articles/${slug}`).expect(200))).toBe(
      0,
    );
  });
});
