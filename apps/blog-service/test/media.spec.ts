import { eventually, metricValue, testEndpoints } from '@capstone/platform/testing';
import sharp from 'sharp';
import { startBlogStack, type BlogStack } from './blog-stack';
import {
  bearer,
  confirm,
  followImageLink,
  mediaOf,
  picture,
  putFile,
  requestUpload,
  upload,
  type RequestedUpload,
} from './media-client';
import { draft, publish, signUp, type RealWorldUser } from './realworld-client';

const link = (mediaId: string, variant: 'small' | 'large') =>
  `/api/blog/v1/media/${mediaId}/${variant}`;

/** Covers and avatars through the gateway, from the upload URL to the thumbnails the blog shows. */
describe('media: covers and avatars', () => {
  let stack: BlogStack;
  let api: BlogStack['gateway'];
  let ada: RealWorldUser;

  beforeAll(async () => {
    stack = await startBlogStack('media');
    api = stack.gateway;
    ada = await signUp(stack.auth.http);
  });

  afterAll(() => stack.close());

  async function ready(owner: RealWorldUser, mediaId: string) {
    return eventually(
      async () => {
        const { body } = await mediaOf(api, owner, mediaId).expect(200);
        expect(body.media.status).toBe('ready');
        return body.media;
      },
      { timeoutMs: 20_000 },
    );
  }

  it('takes a cover from an upload URL to thumbnails of the right size, shown on the article', async () => {
    const photo = await picture(1600, 1200, 'jpeg');

    const { body: requested } = await requestUpload(api, ada, {
      purpose: 'cover',
      contentType: 'image/jpeg',
      byteSize: photo.length,
    });
    expect(requested).toEqual({
      mediaId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      upload: {
        url: expect.stringContaining(`${testEndpoints.s3.endpoint}/`),
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg' },
      },
      expiresAt: expect.any(String),
    });
    expect(Date.parse(requested.expiresAt)).toBeGreaterThan(Date.now());
    const { mediaId } = requested as RequestedUpload;

    expect((await putFile(requested, photo)).status).toBe(200);
    const { body: confirmed } = await confirm(api, ada, mediaId).expect(202);
    expect(confirmed.media).toMatchObject({
      id: mediaId,
      purpose: 'cover',
      status: expect.stringMatching(/^(uploaded|ready)$/),
      contentType: 'image/jpeg',
      byteSize: photo.length,
      failureReason: null,
    });

    const media = await ready(ada, mediaId);
    expect(media.thumbnails).toEqual({
      small: { url: link(mediaId, 'small'), width: 160, height: 120 },
      large: { url: link(mediaId, 'large'), width: 800, height: 600 },
    });
    for (const variant of ['small', 'large'] as const) {
      const stored = await sharp(await followImageLink(api, link(mediaId, variant))).metadata();
      expect(stored).toMatchObject({
        format: 'webp',
        width: media.thumbnails[variant].width,
        height: media.thumbnails[variant].height,
      });
    }
    // Confirming a ready image again changes nothing.
    expect((await confirm(api, ada, mediaId).expect(202)).body.media.status).toBe('ready');

    const article = await publish(api, ada);
    const { body: covered } = await api
      .put(`/api/blog/v1/articles/${article.slug}/cover`)
      .set('Authorization', bearer(ada))
      .send({ mediaId })
      .expect(200);
    const coverImage = { small: link(mediaId, 'small'), large: link(mediaId, 'large') };
    expect(covered).toEqual({ slug: article.slug, coverImage });

    const { body: shown } = await api.get(`/api/blog/v1/articles/${article.slug}`).expect(200);
    expect(shown.coverImage).toEqual(coverImage);
  });

  it('serves each thumbnail as a cacheable redirect to a presigned URL of the store', async () => {
    const mediaId = await upload(api, ada, 'cover', await picture(900, 300, 'png'), 'image/png');
    await ready(ada, mediaId);

    const redirect = await api.get(link(mediaId, 'small')).expect(302);

    expect(redirect.headers['cache-control']).toBe('public, max-age=1800');
    const target = new URL(redirect.headers.location);
    expect(target.origin).toBe(new URL(testEndpoints.s3.endpoint).origin);
    expect(target.pathname).toMatch(new RegExp(`/media/${mediaId}/small\\.webp$`));
    expect(target.searchParams.get('X-Amz-Expires')).toBe('3600');
  });

  it('moves a cover from one article to another only once it is removed from the first', async () => {
    const mediaId = await upload(api, ada, 'cover', await picture(640, 480), 'image/jpeg');
    await ready(ada, mediaId);
    const [first, second] = [await publish(api, ada), await publish(api, ada)];
    const setCover = (slug: string) =>
      api
        .put(`/api/blog/v1/articles/${slug}/cover`)
        .set('Authorization', bearer(ada))
        .send({ mediaId });

    await setCover(first.slug).expect(200);
    const { body: conflict } = await setCover(second.slug).expect(409);
    expect(conflict).toMatchObject({ code: 'media_in_use', status: 409 });

    await api
      .delete(`/api/blog/v1/articles/${first.slug}/cover`)
      .set('Authorization', bearer(ada))
      .expect(204);
    await setCover(second.slug).expect(200);
    expect((await api.get(`/api/blog/v1/articles/${first.slug}`)).body.coverImage).toBeNull();
  });

  it("makes a square avatar its owner's image wherever the blog shows them, until it is removed", async () => {
    const grace = await signUp(stack.auth.http);
    const mediaId = await upload(
      api,
      grace,
      'avatar',
      await picture(1200, 900, 'png'),
      'image/png',
    );
    const media = await ready(grace, mediaId);
    expect(media.thumbnails.small).toMatchObject({ width: 160, height: 160 });
    expect(media.thumbnails.large).toMatchObject({ width: 800, height: 800 });
    const article = await publish(api, grace);
    await api
      .post(`/api/articles/${article.slug}/comments`)
      .set('Authorization', bearer(grace))
      .send({ comment: { body: 'First!' } })
      .expect(201);

    const { body: attached } = await api
      .put('/api/blog/v1/profile/avatar')
      .set('Authorization', bearer(grace))
      .send({ mediaId })
      .expect(200);

    const avatar = link(mediaId, 'small');
    expect(attached.profile).toEqual({
      username: grace.username,
      bio: null,
      image: avatar,
      following: false,
    });
    const imagesShown = async () => {
      const [profile, one, list, comments] = await Promise.all([
        api.get(`/api/profiles/${grace.username}`).expect(200),
        api.get(`/api/articles/${article.slug}`).expect(200),
        api.get('/api/articles').query({ author: grace.username }).expect(200),
        api.get(`/api/articles/${article.slug}/comments`).expect(200),
      ]);
      return [
        profile.body.profile.image,
        one.body.article.author.image,
        list.body.articles[0].author.image,
        comments.body.comments[0].author.image,
      ];
    };
    expect(await imagesShown()).toEqual([avatar, avatar, avatar, avatar]);
    const shown = await sharp(await followImageLink(api, avatar)).metadata();
    expect(shown).toMatchObject({ format: 'webp', width: 160, height: 160 });

    await api.delete('/api/blog/v1/profile/avatar').set('Authorization', bearer(grace)).expect(204);
    expect(await imagesShown()).toEqual([null, null, null, null]);
  });

  it('shows the avatars in a list of articles without a statement more', async () => {
    const authors = [await signUp(stack.auth.http), await signUp(stack.auth.http)];
    for (const author of authors) await publish(api, author, draft({ tagList: ['portraits'] }));
    const list = async () => {
      const before = await metricValue('blog_sql_statements_total');
      const { body } = await api.get('/api/articles').query({ tag: 'portraits' }).expect(200);
      return {
        statements: (await metricValue('blog_sql_statements_total')) - before,
        images: body.articles.map((article: { author: { image: string } }) => article.author.image),
      };
    };
    const withoutAvatars = await list();

    const avatars: string[] = [];
    for (const author of authors) {
      const mediaId = await upload(api, author, 'avatar', await picture(300, 300), 'image/jpeg');
      await ready(author, mediaId);
      await api
        .put('/api/blog/v1/profile/avatar')
        .set('Authorization', bearer(author))
        .send({ mediaId })
        .expect(200);
      avatars.unshift(link(mediaId, 'small'));
    }
    const withAvatars = await list();

    expect(withoutAvatars.images).toEqual([null, null]);
    expect(withAvatars.images).toEqual(avatars);
    expect(withAvatars.statements).toBe(withoutAvatars.statements);
  });
});
