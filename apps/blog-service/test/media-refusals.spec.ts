import { MEDIA_QUEUE } from '@capstone/contracts';
import { QueueRegistry } from '@capstone/platform/queues';
import { ObjectStorage } from '@capstone/platform/storage';
import { eventually } from '@capstone/platform/testing';
import { objectKeys } from '../src/media/media';
import { startBlogStack, type BlogStack } from './blog-stack';
import {
  bearer,
  confirm,
  mediaOf,
  picture,
  putFile,
  requestUpload,
  upload,
  type RequestedUpload,
} from './media-client';
import { publish, signUp, type RealWorldUser } from './realworld-client';

const FIVE_MIB = 5 * 1024 * 1024;

/** Every way an upload can be wrong or someone else's, and what the service makes of it. */
describe('media: refusals', () => {
  let stack: BlogStack;
  let api: BlogStack['gateway'];
  let ada: RealWorldUser;
  let grace: RealWorldUser;

  beforeAll(async () => {
    stack = await startBlogStack('media-refusals');
    api = stack.blog.http;
    [ada, grace] = [await signUp(stack.auth.http), await signUp(stack.auth.http)];
  });

  afterAll(() => stack.close());

  const statusOf = async (owner: RealWorldUser, mediaId: string) =>
    (await mediaOf(api, owner, mediaId).expect(200)).body.media;

  async function readyCover(owner: RealWorldUser): Promise<string> {
    const mediaId = await upload(api, owner, 'cover', await picture(400, 300), 'image/jpeg');
    await eventually(async () => expect((await statusOf(owner, mediaId)).status).toBe('ready'), {
      timeoutMs: 20_000,
    });
    return mediaId;
  }

  describe('when the upload is asked for', () => {
    it('refuses a file over MEDIA_MAX_BYTES, naming the size', async () => {
      const { body } = await requestUpload(
        api,
        ada,
        { purpose: 'cover', contentType: 'image/jpeg', byteSize: FIVE_MIB + 1 },
        422,
      );
      expect(body).toMatchObject({
        status: 422,
        code: 'content_too_large',
        errors: [{ field: 'byteSize', code: 'content_too_large' }],
      });
      expect(body.detail).toBe(
        `the file is ${FIVE_MIB + 1} bytes; at most ${FIVE_MIB} are accepted`,
      );
    });

    it.each(['image/svg+xml', 'text/html', 'application/pdf'])('refuses %s', async (type) => {
      const { body } = await requestUpload(
        api,
        ada,
        { purpose: 'avatar', contentType: type, byteSize: 1_000 },
        422,
      );
      expect(body).toMatchObject({
        code: 'content_type_not_allowed',
        errors: [{ field: 'contentType', code: 'content_type_not_allowed' }],
      });
    });

    it('refuses an unknown purpose, a size that is no whole number, and a caller without a token', async () => {
      for (const intent of [
        { purpose: 'banner', contentType: 'image/png', byteSize: 10 },
        { purpose: 'cover', contentType: 'image/png', byteSize: 0 },
        { purpose: 'cover', contentType: 'image/png', byteSize: 1.5 },
      ]) {
        const { body } = await requestUpload(api, ada, intent, 422);
        expect(body.code).toBe('validation_failed');
      }
      await api
        .post('/api/blog/v1/media/uploads')
        .send({ purpose: 'cover', contentType: 'image/png', byteSize: 10 })
        .expect(401);
    });
  });

  describe('when the upload is confirmed', () => {
    it('rejects a text file uploaded as image/png, and deletes it', async () => {
      const text = Buffer.from('<html><script>alert("I am a picture")</script></html>');
      const { body: requested } = await requestUpload(api, ada, {
        purpose: 'avatar',
        contentType: 'image/png',
        byteSize: text.length,
      });
      const { mediaId } = requested as RequestedUpload;
      expect((await putFile(requested, text)).ok).toBe(true);

      const { body } = await confirm(api, ada, mediaId).expect(422);

      expect(body).toMatchObject({ code: 'content_type_mismatch' });
      expect(await statusOf(ada, mediaId)).toMatchObject({
        status: 'rejected',
        failureReason: expect.stringContaining('sent as image/png but its bytes are none of'),
        thumbnails: null,
      });
      expect(
        await stack.blog.app.get(ObjectStorage).head(objectKeys.original(mediaId)),
      ).toBeUndefined();
      const again = await confirm(api, ada, mediaId).expect(422);
      expect(again.body.code).toBe('media_rejected');
    });

    it('rejects a confirmation of an upload that never happened', async () => {
      const { body: requested } = await requestUpload(api, ada, {
        purpose: 'cover',
        contentType: 'image/webp',
        byteSize: 2_048,
      });

      const { body } = await confirm(api, ada, requested.mediaId).expect(422);

      expect(body.code).toBe('upload_missing');
      expect((await statusOf(ada, requested.mediaId)).status).toBe('rejected');
    });

    it('rejects a file of another size than announced', async () => {
      const photo = await picture(200, 200, 'png');
      const { body: requested } = await requestUpload(api, ada, {
        purpose: 'cover',
        contentType: 'image/png',
        byteSize: photo.length + 10,
      });
      // S3Mock checks no signature; MinIO and S3 would refuse this PUT already.
      await putFile(requested, photo);

      const { body } = await confirm(api, ada, requested.mediaId).expect(422);

      expect(body.code).toBe('content_length_mismatch');
    });

    it('rejects an image that cannot be decoded when its thumbnails are made, without retrying', async () => {
      const png = await picture(300, 300, 'png');
      // A PNG's signature and header, then noise: it passes the check of its first bytes.
      const corrupt = Buffer.concat([png.subarray(0, 33), Buffer.alloc(png.length - 33, 0x5a)]);

      const mediaId = await upload(api, ada, 'cover', corrupt, 'image/png');

      const media = await eventually(
        async () => {
          const current = await statusOf(ada, mediaId);
          expect(current.status).toBe('rejected');
          return current;
        },
        { timeoutMs: 20_000 },
      );
      expect(media.failureReason).toMatch(/^the image cannot be read: /);
      const job = await stack.blog.app.get(QueueRegistry).get(MEDIA_QUEUE).getJob(mediaId);
      expect(await job?.getState()).toBe('completed');
      expect(job?.attemptsMade).toBe(1);
      expect(
        await stack.blog.app.get(ObjectStorage).head(objectKeys.original(mediaId)),
      ).toBeUndefined();
      await api.get(`/api/blog/v1/media/${mediaId}/small`).expect(404);
    });
  });

  describe("someone else's media", () => {
    it('cannot be confirmed or seen by anyone but its owner', async () => {
      const photo = await picture(300, 200);
      const { body: requested } = await requestUpload(api, ada, {
        purpose: 'cover',
        contentType: 'image/jpeg',
        byteSize: photo.length,
      });
      await putFile(requested, photo);

      const { body } = await confirm(api, grace, requested.mediaId).expect(404);
      expect(body).toMatchObject({ code: 'media_not_found' });
      await mediaOf(api, grace, requested.mediaId).expect(404);
      // Untouched by the attempt: its owner still confirms it.
      await confirm(api, ada, requested.mediaId).expect(202);
    });

    it("cannot be made another user's cover or avatar", async () => {
      const adasCover = await readyCover(ada);
      const gracesArticle = await publish(api, grace);

      const cover = await api
        .put(`/api/blog/v1/articles/${gracesArticle.slug}/cover`)
        .set('Authorization', bearer(grace))
        .send({ mediaId: adasCover })
        .expect(422);
      const avatar = await api
        .put('/api/blog/v1/profile/avatar')
        .set('Authorization', bearer(grace))
        .send({ mediaId: adasCover })
        .expect(422);

      for (const { body } of [cover, avatar]) {
        expect(body).toMatchObject({
          code: 'media_not_found',
          errors: [{ field: 'mediaId', code: 'media_not_found' }],
        });
      }
    });

    it("cannot be put on another author's article, even by the image's owner", async () => {
      const adasCover = await readyCover(ada);
      const gracesArticle = await publish(api, grace);

      const { body } = await api
        .put(`/api/blog/v1/articles/${gracesArticle.slug}/cover`)
        .set('Authorization', bearer(ada))
        .send({ mediaId: adasCover })
        .expect(403);

      expect(body.code).toBe('article_forbidden');
    });
  });

  describe('attaching', () => {
    it('takes only a ready image uploaded for that purpose', async () => {
      const cover = await readyCover(ada);
      const { body: pending } = await requestUpload(api, ada, {
        purpose: 'avatar',
        contentType: 'image/png',
        byteSize: 100,
      });
      const setAvatar = (mediaId: string) =>
        api
          .put('/api/blog/v1/profile/avatar')
          .set('Authorization', bearer(ada))
          .send({ mediaId })
          .expect(422);

      expect((await setAvatar(cover)).body.code).toBe('media_purpose_mismatch');
      expect((await setAvatar(pending.mediaId)).body.code).toBe('media_not_ready');
    });
  });

  describe('thumbnail links', () => {
    it('answers 404 for the thumbnail of an image that is not ready, and lets no one cache it', async () => {
      const { body: pending } = await requestUpload(api, ada, {
        purpose: 'cover',
        contentType: 'image/png',
        byteSize: 100,
      });

      const response = await api.get(`/api/blog/v1/media/${pending.mediaId}/large`).expect(404);

      expect(response.body.code).toBe('media_not_found');
      expect(response.headers['cache-control'] ?? '').not.toContain('public');
    });
  });
});
