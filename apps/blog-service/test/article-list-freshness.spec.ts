import { randomUUID } from 'node:crypto';
import { UserDisabled } from '@capstone/contracts';
import { createKafka } from '@capstone/platform/events';
import { eventually, testEndpoints } from '@capstone/platform/testing';
import type { Producer } from 'kafkajs';
import { PrismaService } from '../src/database/prisma.service';
import { startBlogStack, type BlogStack } from './blog-stack';
import { graphql } from './graphql-client';
import { draft, publish, signUp, tokenOf, type RealWorldUser } from './realworld-client';

interface ListedBody {
  articles: {
    slug: string;
    title: string;
    favorited: boolean;
    favoritesCount: number;
    author: { username: string; bio: string | null; following: boolean };
  }[];
  articlesCount: number;
}

/**
 * List pages are cached for every reader alike, and each reader's flags on them per reader; each
 * write that can change one shows in the very next list request, anonymous and signed in. Every test reads its pages first, so they are cached
 * when the write comes, and lists its own tag, so tests cannot see each other's writes.
 */
describe('cached article lists', () => {
  let stack: BlogStack;
  let writer: RealWorldUser;
  let reader: RealWorldUser;

  beforeAll(async () => {
    stack = await startBlogStack('list-freshness');
    [writer, reader] = await Promise.all([signUp(stack.auth.http), signUp(stack.auth.http)]);
  });

  afterAll(() => stack.close());

  const api = () => stack.blog.http;
  const freshTag = () => `fresh-${randomUUID().slice(0, 8)}`;

  async function listed(
    query: Record<string, string>,
    viewer?: RealWorldUser,
  ): Promise<ListedBody> {
    const call = api().get('/api/articles').query(query);
    const { body } = await (viewer ? call.set('Authorization', tokenOf(viewer)) : call).expect(200);
    return body as ListedBody;
  }

  /** The list as anonymous and as `reader` see it, reading (so caching) both. */
  const bothViews = (query: Record<string, string>) =>
    Promise.all([listed(query), listed(query, reader)]);

  /** `post` gives a favorite or a follow, `delete` takes it back. */
  const calledBy = (method: 'post' | 'delete', path: string, caller: RealWorldUser) =>
    api()[method](path).set('Authorization', tokenOf(caller)).expect(200);
  const follow = (follower: RealWorldUser, author: RealWorldUser, method: 'post' | 'delete') =>
    calledBy(method, `/api/profiles/${author.username}/follow`, follower);
  const favorite = (fan: RealWorldUser, slug: string, method: 'post' | 'delete') =>
    calledBy(method, `/api/articles/${slug}/favorite`, fan);

  it('lists a published article in the next page', async () => {
    const tag = freshTag();
    await publish(api(), writer, draft({ tagList: [tag] }));
    await bothViews({ tag });

    const article = await publish(api(), writer, draft({ tagList: [tag] }));

    for (const view of await bothViews({ tag })) {
      expect(view.articlesCount).toBe(2);
      expect(view.articles[0].slug).toBe(article.slug);
    }
  });

  it('shows a revised title in the next page', async () => {
    const tag = freshTag();
    const article = await publish(api(), writer, draft({ tagList: [tag] }));
    await bothViews({ tag });

    await api()
      .put(`/api/articles/${article.slug}`)
      .set('Authorization', tokenOf(writer))
      .send({ article: { title: `Revised ${tag}` } })
      .expect(200);

    for (const view of await bothViews({ tag }))
      expect(view.articles[0].title).toBe(`Revised ${tag}`);
  });

  it('drops a deleted article from the next page', async () => {
    const tag = freshTag();
    const article = await publish(api(), writer, draft({ tagList: [tag] }));
    await bothViews({ tag });

    await api()
      .delete(`/api/articles/${article.slug}`)
      .set('Authorization', tokenOf(writer))
      .expect(204);

    for (const view of await bothViews({ tag }))
      expect(view).toEqual({ articles: [], articlesCount: 0 });
  });

  it('shows a favorite and its removal in the next page, the count to all and the flag to the fan', async () => {
    const tag = freshTag();
    const article = await publish(api(), writer, draft({ tagList: [tag] }));
    await bothViews({ tag });

    await favorite(reader, article.slug, 'post');
    const [anonymous, fan] = await bothViews({ tag });
    expect(anonymous.articles[0]).toMatchObject({ favoritesCount: 1, favorited: false });
    expect(fan.articles[0]).toMatchObject({ favoritesCount: 1, favorited: true });

    await favorite(reader, article.slug, 'delete');
    for (const view of await bothViews({ tag }))
      expect(view.articles[0]).toMatchObject({ favoritesCount: 0, favorited: false });
  });

  it("lists a newly favorited article among the fan's favorites in the next page", async () => {
    const fan = await signUp(stack.auth.http);
    const article = await publish(api(), writer);
    const query = { favorited: fan.username };
    for (const view of await bothViews(query)) expect(view.articlesCount).toBe(0);

    await favorite(fan, article.slug, 'post');

    for (const view of await bothViews(query))
      expect(view.articles.map(({ slug }) => slug)).toEqual([article.slug]);
  });

  it('shows a follow and its removal to the follower in the next page', async () => {
    const tag = freshTag();
    const author = await signUp(stack.auth.http);
    await publish(api(), author, draft({ tagList: [tag] }));
    await bothViews({ tag });

    await follow(reader, author, 'post');
    const [anonymous, follower] = await bothViews({ tag });
    expect(anonymous.articles[0].author.following).toBe(false);
    expect(follower.articles[0].author.following).toBe(true);

    await follow(reader, author, 'delete');
    for (const view of await bothViews({ tag }))
      expect(view.articles[0].author.following).toBe(false);
  });

  it("leaves another reader's flags as they were when a reader favorites, follows and takes both back", async () => {
    const tag = freshTag();
    const [author, bystander] = await Promise.all([
      signUp(stack.auth.http),
      signUp(stack.auth.http),
    ]);
    const article = await publish(api(), author, draft({ tagList: [tag] }));
    await follow(bystander, author, 'post');
    const flagsOf = async (viewer: RealWorldUser) => {
      const [listedArticle] = (await listed({ tag }, viewer)).articles;
      return { favorited: listedArticle.favorited, following: listedArticle.author.following };
    };
    // The reader reads first, so flags cached for the page under one key for everyone would show.
    const flagsOfBoth = async () => [await flagsOf(reader), await flagsOf(bystander)];
    expect(await flagsOfBoth()).toEqual([
      { favorited: false, following: false },
      { favorited: false, following: true },
    ]);

    await favorite(reader, article.slug, 'post');
    await follow(reader, author, 'post');
    expect(await flagsOfBoth()).toEqual([
      { favorited: true, following: true },
      { favorited: false, following: true },
    ]);

    await favorite(reader, article.slug, 'delete');
    await follow(reader, author, 'delete');
    expect(await flagsOfBoth()).toEqual([
      { favorited: false, following: false },
      { favorited: false, following: true },
    ]);
  });

  it('shows a favorite and a follow given through GraphQL in the next page', async () => {
    const tag = freshTag();
    const author = await signUp(stack.auth.http);
    const article = await publish(api(), author, draft({ tagList: [tag] }));
    await bothViews({ tag });

    for (const mutation of [
      `mutation { favoriteArticle(slug: "${article.slug}") { favorited } }`,
      `mutation { followProfile(username: "${author.username}") { following } }`,
    ]) {
      const answer = await graphql(api(), mutation, { authorization: tokenOf(reader) });
      expect(answer.errors).toBeUndefined();
    }

    const [anonymous, fan] = await bothViews({ tag });
    expect(anonymous.articles[0]).toMatchObject({ favorited: false, author: { following: false } });
    expect(fan.articles[0]).toMatchObject({ favorited: true, author: { following: true } });
  });

  it("shows an author's new bio in the next page, to the author with their new token and to anyone after", async () => {
    const tag = freshTag();
    const author = await signUp(stack.auth.http);
    await publish(api(), author, draft({ tagList: [tag] }));
    await bothViews({ tag });

    const { body } = await stack.auth.http
      .put('/api/user')
      .set('Authorization', tokenOf(author))
      .send({ user: { bio: `Changed ${tag}` } })
      .expect(200);

    // The author's own request repairs the projection before it is served (read-your-writes).
    const own = await listed({ tag }, { ...author, token: body.user.token });
    expect(own.articles[0].author.bio).toBe(`Changed ${tag}`);
    for (const view of await bothViews({ tag }))
      expect(view.articles[0].author.bio).toBe(`Changed ${tag}`);
  });

  describe('fed by auth.users', () => {
    let producer: Producer;

    beforeAll(async () => {
      producer = createKafka({
        clientId: 'list-freshness-spec',
        brokers: testEndpoints.kafkaBrokers,
      }).producer();
      await producer.connect();
    });

    afterAll(() => producer.disconnect());

    it("hides a disabled author's articles from the next page once the event is consumed", async () => {
      const tag = freshTag();
      const author = await signUp(stack.auth.http);
      await publish(api(), author, draft({ tagList: [tag] }));
      await bothViews({ tag });
      const { id: userId } = await stack.blog.app
        .get(PrismaService)
        .author.findFirstOrThrow({ where: { username: author.username } });

      const disabled = UserDisabled.create({
        source: 'auth-service',
        subject: userId,
        data: { userId, profileVersion: 99 },
      });
      await producer.send({
        topic: stack.auth.topic('auth.users'),
        messages: [{ key: userId, value: JSON.stringify(disabled) }],
      });

      // Consumed once the profile is gone; the projection forgets the lists before the profile.
      await eventually(() => api().get(`/api/profiles/${author.username}`).expect(404));
      for (const view of await bothViews({ tag }))
        expect(view).toEqual({ articles: [], articlesCount: 0 });
    });
  });
});
