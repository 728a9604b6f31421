import { startBlogStack, type BlogStack } from './blog-stack';
import { draft, publish, signUp, tokenOf, type RealWorldUser } from './realworld-client';

/** Cached reads (article by slug, tags, profiles) show every write at once. */
describe('cached reads', () => {
  let stack: BlogStack;
  let writer: RealWorldUser;

  beforeAll(async () => {
    stack = await startBlogStack('caching');
    writer = await signUp(stack.auth.http);
  });

  afterAll(() => stack.close());

  const api = () => stack.blog.http;

  it('shows an edited article in the next read of its slug', async () => {
    const article = await publish(api(), writer);
    await api().get(`/api/articles/${article.slug}`).expect(200);
    await api()
      .put(`/api/articles/${article.slug}`)
      .set('Authorization', tokenOf(writer))
      .send({ article: { body: 'Edited body' } })
      .expect(200);
    const { body } = await api().get(`/api/articles/${article.slug}`).expect(200);
    expect(body.article.body).toBe('Edited body');
  });

  it('shows a new favorite count in the next read, and a deleted article as gone', async () => {
    const article = await publish(api(), writer);
    await api().get(`/api/articles/${article.slug}`).expect(200);
    const fan = await signUp(stack.auth.http);
    await api()
      .post(`/api/articles/${article.slug}/favorite`)
      .set('Authorization', tokenOf(fan))
      .expect(200);
    const read = await api().get(`/api/articles/${article.slug}`).expect(200);
    expect(read.body.article.favoritesCount).toBe(1);
    await api()
      .delete(`/api/articles/${article.slug}`)
      .set('Authorization', tokenOf(writer))
      .expect(204);
    await api().get(`/api/articles/${article.slug}`).expect(404);
  });

  it('shows a slug that was unknown a moment ago once an article takes it', async () => {
    const title = `Not yet written ${Date.now()}`;
    const slug = title.toLowerCase().replace(/ /g, '-');
    await api().get(`/api/articles/${slug}`).expect(404);
    await publish(api(), writer, draft({ title }));
    await api().get(`/api/articles/${slug}`).expect(200);
  });

  it('lists a new tag in the next tag list and drops it with its last article', async () => {
    await api().get('/api/tags').expect(200);
    const tag = `fresh-${Date.now()}`;
    const article = await publish(api(), writer, draft({ tagList: [tag] }));
    expect((await api().get('/api/tags').expect(200)).body.tags).toContain(tag);
    await api()
      .delete(`/api/articles/${article.slug}`)
      .set('Authorization', tokenOf(writer))
      .expect(204);
    expect((await api().get('/api/tags').expect(200)).body.tags).not.toContain(tag);
  });

  it('shows a changed bio in the next profile read', async () => {
    const user = await signUp(stack.auth.http);
    await api().get(`/api/profiles/${user.username}`).expect(200);
    const { body } = await stack.auth.http
      .put('/api/user')
      .set('Authorization', tokenOf(user))
      .send({ user: { bio: 'Changed a moment ago' } })
      .expect(200);
    // The reader is the user, with the token auth-service just handed back.
    const profile = await api()
      .get(`/api/profiles/${user.username}`)
      .set('Authorization', `Token ${body.user.token}`)
      .expect(200);
    expect(profile.body.profile.bio).toBe('Changed a moment ago');
  });
});
