import { startBlogStack, type BlogStack } from './blog-stack';
import { draft, publish, signUp, tokenOf, type RealWorldUser } from './realworld-client';

/**
 * The RealWorld spec page (shared/specs/conduit-api.md), rule by rule, through the gateway as a
 * conformance run sends it and against blog-service itself. Users live in auth-service in both.
 */
describe.each(['gateway', 'service'] as const)('the RealWorld API through the %s', (entry) => {
  let stack: BlogStack;
  let api: BlogStack['gateway'];
  let users: BlogStack['gateway'];
  let jake: RealWorldUser;

  beforeAll(async () => {
    stack = await startBlogStack(`realworld-${entry}`);
    api = stack.via(entry);
    users = entry === 'gateway' ? stack.gateway : stack.auth.http;
    jake = await signUp(users);
  });

  afterAll(() => stack.close());

  describe('articles', () => {
    it('publishes an article with every field of the Article shape', async () => {
      const article = draft({ tagList: ['zeta', 'alpha', 'mid'] });
      const { body } = await api
        .post('/api/articles')
        .set('Authorization', tokenOf(jake))
        .send({ article })
        .expect(201)
        .expect('Content-Type', 'application/json; charset=utf-8');
      expect(body.article).toEqual({
        slug: expect.stringMatching(/^how-to-train-your-dragon-/),
        title: article.title,
        description: article.description,
        body: article.body,
        tagList: ['zeta', 'alpha', 'mid'],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        favorited: false,
        favoritesCount: 0,
        author: { username: jake.username, bio: null, image: null, following: false },
      });
    });

    it('answers 422 "can\'t be blank" for an empty or null title, description or body', async () => {
      for (const field of ['title', 'description', 'body'] as const) {
        for (const blank of ['', null, '   ']) {
          const { body } = await api
            .post('/api/articles')
            .set('Authorization', tokenOf(jake))
            .send({ article: { ...draft(), [field]: blank } })
            .expect(422);
          expect(body).toEqual({ errors: { [field]: ["can't be blank"] } });
        }
      }
    });

    it('answers 401 "token is missing" when a write comes without a token', async () => {
      const { body } = await api.post('/api/articles').send({ article: draft() }).expect(401);
      expect(body).toEqual({ errors: { token: ['is missing'] } });
    });

    it('accepts the Bearer scheme as well as Token', async () => {
      await api
        .post('/api/articles')
        .set('Authorization', `Bearer ${jake.token}`)
        .send({ article: draft() })
        .expect(201);
    });

    it('gives duplicate titles distinct slugs', async () => {
      const title = `Same title ${Date.now()}`;
      const first = await publish(api, jake, draft({ title }));
      const second = await publish(api, jake, draft({ title }));
      expect(first.slug).not.toBe(second.slug);
      expect(second.slug.startsWith(first.slug)).toBe(true);
    });

    it('moves the slug with a title change, and the old slug is gone', async () => {
      const article = await publish(api, jake);
      const { body } = await api
        .put(`/api/articles/${article.slug}`)
        .set('Authorization', tokenOf(jake))
        .send({ article: { title: `Renamed article ${Date.now()}` } })
        .expect(200);
      expect(body.article.slug).toMatch(/^renamed-article-/);
      await api.get(`/api/articles/${body.article.slug}`).expect(200);
      const gone = await api.get(`/api/articles/${article.slug}`).expect(404);
      expect(gone.body).toEqual({ errors: { article: ['not found'] } });
    });

    it('keeps the tags of a PUT without tagList, clears them with [] and refuses null', async () => {
      const article = await publish(api, jake, draft({ tagList: ['b', 'a'] }));
      const path = `/api/articles/${article.slug}`;
      const auth = tokenOf(jake);
      const kept = await api
        .put(path)
        .set('Authorization', auth)
        .send({ article: { body: 'new' } })
        .expect(200);
      expect(kept.body.article.tagList).toEqual(['b', 'a']);
      const refused = await api
        .put(path)
        .set('Authorization', auth)
        .send({ article: { tagList: null } })
        .expect(422);
      expect(Object.keys(refused.body.errors)).toEqual(['tagList']);
      const cleared = await api
        .put(path)
        .set('Authorization', auth)
        .send({ article: { tagList: [] } })
        .expect(200);
      expect(cleared.body.article.tagList).toEqual([]);
    });

    it("answers 403 forbidden to a change or delete of someone else's article", async () => {
      const article = await publish(api, jake);
      const jane = await signUp(users);
      const put = await api
        .put(`/api/articles/${article.slug}`)
        .set('Authorization', tokenOf(jane))
        .send({ article: { body: 'mine now' } })
        .expect(403);
      expect(put.body).toEqual({ errors: { article: ['forbidden'] } });
      await api
        .delete(`/api/articles/${article.slug}`)
        .set('Authorization', tokenOf(jane))
        .expect(403);
    });

    it('deletes an article with 204 and no body', async () => {
      const article = await publish(api, jake);
      const response = await api
        .delete(`/api/articles/${article.slug}`)
        .set('Authorization', tokenOf(jake))
        .expect(204);
      expect(response.text).toBe('');
      await api.get(`/api/articles/${article.slug}`).expect(404);
    });
  });

  describe('lists', () => {
    let author: RealWorldUser;
    const tag = `tag-${Date.now()}`;

    beforeAll(async () => {
      author = await signUp(users);
      for (let n = 1; n <= 3; n += 1) {
        await publish(api, author, draft({ title: `Listed ${n}`, tagList: [tag] }));
      }
    });

    it('lists newest first, without body, with the count of every match', async () => {
      const { body } = await api
        .get('/api/articles')
        .query({ author: author.username, limit: 2 })
        .expect(200);
      expect(body.articlesCount).toBe(3);
      expect(body.articles.map((article: { title: string }) => article.title)).toEqual([
        'Listed 3',
        'Listed 2',
      ]);
      expect(body.articles[0]).not.toHaveProperty('body');
    });

    it('pages with offset and filters by tag', async () => {
      const { body } = await api.get('/api/articles').query({ tag, offset: 2 }).expect(200);
      expect(body.articlesCount).toBe(3);
      expect(body.articles.map((article: { title: string }) => article.title)).toEqual([
        'Listed 1',
      ]);
    });

    it.each([['0'], ['-1'], ['abc'], ['1.5']])('answers 422 to limit=%s', async (limit) => {
      const { body } = await api.get('/api/articles').query({ limit }).expect(422);
      expect(Object.keys(body.errors)).toEqual(['limit']);
    });

    it('answers 422 to a negative offset', async () => {
      const { body } = await api.get('/api/articles').query({ offset: -1 }).expect(422);
      expect(Object.keys(body.errors)).toEqual(['offset']);
    });

    it('answers an unknown author or favoriting user with an empty list', async () => {
      for (const filter of [{ author: 'nobody-here' }, { favorited: 'nobody-here' }]) {
        const { body } = await api.get('/api/articles').query(filter).expect(200);
        expect(body).toEqual({ articles: [], articlesCount: 0 });
      }
    });

    it("gives a new user's feed no articles and articlesCount 0", async () => {
      const newcomer = await signUp(users);
      const { body } = await api
        .get('/api/articles/feed')
        .set('Authorization', tokenOf(newcomer))
        .expect(200);
      expect(body).toEqual({ articles: [], articlesCount: 0 });
    });

    it('fills the feed with the articles of followed authors, newest first', async () => {
      const reader = await signUp(users);
      await api
        .post(`/api/profiles/${author.username}/follow`)
        .set('Authorization', tokenOf(reader))
        .expect(200);
      const { body } = await api
        .get('/api/articles/feed')
        .set('Authorization', tokenOf(reader))
        .expect(200);
      expect(body.articlesCount).toBe(3);
      expect(body.articles[0]).toMatchObject({
        title: 'Listed 3',
        author: { username: author.username, following: true },
      });
    });

    it('answers 401 to the feed without a token', async () => {
      await api.get('/api/articles/feed').expect(401);
    });

    it('lists tags of published articles', async () => {
      const { body } = await api.get('/api/tags').expect(200);
      expect(body.tags).toContain(tag);
    });
  });

  describe('favorites', () => {
    it('counts a favorite once, shows it to its user, filters by it and takes it back', async () => {
      const article = await publish(api, jake);
      const fan = await signUp(users);
      const path = `/api/articles/${article.slug}/favorite`;
      await api.post(path).set('Authorization', tokenOf(fan)).expect(200);
      const { body } = await api.post(path).set('Authorization', tokenOf(fan)).expect(200);
      expect(body.article).toMatchObject({ favorited: true, favoritesCount: 1 });
      const listed = await api
        .get('/api/articles')
        .query({ favorited: fan.username })
        .set('Authorization', tokenOf(fan))
        .expect(200);
      expect(listed.body.articles.map((a: { slug: string }) => a.slug)).toEqual([article.slug]);
      expect(listed.body.articles[0].favorited).toBe(true);
      const undone = await api.delete(path).set('Authorization', tokenOf(fan)).expect(200);
      expect(undone.body.article).toMatchObject({ favorited: false, favoritesCount: 0 });
    });

    it('answers 404 "article not found" for an unknown slug', async () => {
      const { body } = await api
        .post('/api/articles/no-such-article/favorite')
        .set('Authorization', tokenOf(jake))
        .expect(404);
      expect(body).toEqual({ errors: { article: ['not found'] } });
    });
  });

  describe('comments', () => {
    it('adds, lists and deletes comments with the Comment shape', async () => {
      const article = await publish(api, jake);
      const path = `/api/articles/${article.slug}/comments`;
      const { body } = await api
        .post(path)
        .set('Authorization', tokenOf(jake))
        .send({ comment: { body: 'Thank you so much!' } })
        .expect(201);
      expect(body.comment).toEqual({
        id: expect.any(Number),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        body: 'Thank you so much!',
        author: { username: jake.username, bio: null, image: null, following: false },
      });
      const listed = await api.get(path).expect(200);
      expect(listed.body.comments.map((c: { id: number }) => c.id)).toEqual([body.comment.id]);
      await api
        .delete(`${path}/${body.comment.id}`)
        .set('Authorization', tokenOf(jake))
        .expect(204);
      expect((await api.get(path).expect(200)).body).toEqual({ comments: [] });
    });

    it("answers 403 to deleting someone else's comment and 404 to an unknown one", async () => {
      const article = await publish(api, jake);
      const path = `/api/articles/${article.slug}/comments`;
      const { body } = await api
        .post(path)
        .set('Authorization', tokenOf(jake))
        .send({ comment: { body: 'mine' } })
        .expect(201);
      const jane = await signUp(users);
      const forbidden = await api
        .delete(`${path}/${body.comment.id}`)
        .set('Authorization', tokenOf(jane))
        .expect(403);
      expect(forbidden.body).toEqual({ errors: { comment: ['forbidden'] } });
      const missing = await api
        .delete(`${path}/999999`)
        .set('Authorization', tokenOf(jake))
        .expect(404);
      expect(missing.body).toEqual({ errors: { comment: ['not found'] } });
    });

    it('answers 422 "can\'t be blank" for an empty comment', async () => {
      const article = await publish(api, jake);
      const { body } = await api
        .post(`/api/articles/${article.slug}/comments`)
        .set('Authorization', tokenOf(jake))
        .send({ comment: { body: '' } })
        .expect(422);
      expect(body).toEqual({ errors: { body: ["can't be blank"] } });
    });
  });

  describe('profiles', () => {
    it('shows a profile, follows and unfollows it', async () => {
      const celebrity = await signUp(users);
      const fan = await signUp(users);
      const path = `/api/profiles/${celebrity.username}`;
      const anonymous = await api.get(path).expect(200);
      expect(anonymous.body).toEqual({
        profile: { username: celebrity.username, bio: null, image: null, following: false },
      });
      const followed = await api
        .post(`${path}/follow`)
        .set('Authorization', tokenOf(fan))
        .expect(200);
      expect(followed.body.profile.following).toBe(true);
      const seen = await api.get(path).set('Authorization', tokenOf(fan)).expect(200);
      expect(seen.body.profile.following).toBe(true);
      const unfollowed = await api
        .delete(`${path}/follow`)
        .set('Authorization', tokenOf(fan))
        .expect(200);
      expect(unfollowed.body.profile.following).toBe(false);
    });

    it('answers 404 "profile not found" for an unknown username', async () => {
      const { body } = await api.get('/api/profiles/nobody-by-this-name').expect(404);
      expect(body).toEqual({ errors: { profile: ['not found'] } });
    });
  });

  describe('read-your-writes across auth-service and blog-service', () => {
    it('shows a user registered a moment ago as a profile in the very next request', async () => {
      const newcomer = await signUp(users);
      const { body } = await api.get(`/api/profiles/${newcomer.username}`).expect(200);
      expect(body.profile.username).toBe(newcomer.username);
    });

    it('shows a rename in the very next profile and article request', async () => {
      const writer = await signUp(users);
      const article = await publish(api, writer);
      const renamed = `r${writer.username}`;
      const { body } = await users
        .put('/api/user')
        .set('Authorization', tokenOf(writer))
        .send({ user: { username: renamed, bio: 'I write' } })
        .expect(200);
      const fresh = { token: body.user.token as string };
      // The writer's next request carries the fresh token, which names them as they are now.
      const read = await api
        .get(`/api/articles/${article.slug}`)
        .set('Authorization', tokenOf(fresh))
        .expect(200);
      expect(read.body.article.author).toMatchObject({ username: renamed, bio: 'I write' });
      const profile = await api.get(`/api/profiles/${renamed}`).expect(200);
      expect(profile.body.profile).toMatchObject({ username: renamed, bio: 'I write' });
      const next = await publish(api, { ...writer, ...fresh });
      expect(next.author).toMatchObject({ username: renamed });
    });
  });
});

describe('the RealWorld user rules, through the gateway', () => {
  let stack: BlogStack;

  beforeAll(async () => {
    stack = await startBlogStack('realworld-users');
  });

  afterAll(() => stack.close());

  it('stores an empty bio and image as null and accepts null for both', async () => {
    const user = await signUp(stack.gateway);
    for (const value of ['', null]) {
      const { body } = await stack.gateway
        .put('/api/user')
        .set('Authorization', tokenOf(user))
        .send({ user: { bio: value, image: value } })
        .expect(200);
      expect(body.user).toMatchObject({ bio: null, image: null });
    }
  });

  it('refuses passwords under 8 characters, empty or null, and accepts 8 and 64', async () => {
    for (const password of ['short', '', null]) {
      const { body } = await stack.gateway
        .post('/api/users')
        .send({
          user: { username: `p${Date.now()}`, email: `p${Date.now()}@example.com`, password },
        })
        .expect(422);
      expect(Object.keys(body.errors)).toEqual(['password']);
    }
    for (const length of [8, 64]) {
      const name = `p${length}${Date.now()}`;
      await stack.gateway
        .post('/api/users')
        .send({
          user: { username: name, email: `${name}@example.com`, password: 'x'.repeat(length) },
        })
        .expect(201);
    }
  });

  it('refuses an empty or null email or username on update', async () => {
    const user = await signUp(stack.gateway);
    for (const field of ['email', 'username']) {
      for (const value of ['', null]) {
        const { body } = await stack.gateway
          .put('/api/user')
          .set('Authorization', tokenOf(user))
          .send({ user: { [field]: value } })
          .expect(422);
        expect(Object.keys(body.errors)).toEqual([field]);
      }
    }
  });

  it('answers a failed login with 401 credentials invalid', async () => {
    const { body } = await stack.gateway
      .post('/api/users/login')
      .send({ user: { email: 'nobody@example.com', password: 'whatever-123' } })
      .expect(401);
    expect(body).toEqual({ errors: { credentials: ['invalid'] } });
  });
});
