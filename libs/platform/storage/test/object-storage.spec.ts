import { randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import {
  ObjectStorage,
  StorageErrorCode,
  type ContentPolicy,
  type PresignedUpload,
  type UploadRequest,
} from '../src';
import {
  createTestStorage,
  imageOf,
  removeTestBucket,
  testStorageOptions,
} from './support/test-bucket';

const images: ContentPolicy = {
  allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  maxBytes: 64 * 1024,
};

function put(
  upload: PresignedUpload,
  body: Uint8Array,
  headers: Record<string, string> = upload.headers,
) {
  return fetch(upload.url, { method: upload.method, headers, body });
}

describe('ObjectStorage', () => {
  let storage: ObjectStorage;
  let png: Buffer;

  beforeAll(async () => {
    storage = await createTestStorage('objects');
    png = await imageOf('png');
  });

  afterAll(async () => {
    await removeTestBucket(storage.bucket);
    storage.close();
  });

  const newKey = () => `uploads/${randomUUID()}`;

  function uploadOf(key: string, file: Buffer, contentType: string): UploadRequest {
    return { key, contentType, contentLength: file.length, policy: images };
  }

  describe('a presigned upload', () => {
    it('takes the file it was signed for, which head shows and verifyUpload confirms', async () => {
      const key = newKey();
      const upload = await storage.presignUpload(uploadOf(key, png, 'image/png'));

      const response = await put(upload, png);

      expect(response.status).toBe(200);
      expect(await storage.head(key)).toMatchObject({ size: png.length, contentType: 'image/png' });
      await expect(storage.verifyUpload(uploadOf(key, png, 'image/png'))).resolves.toEqual({
        key,
        size: png.length,
        contentType: 'image/png',
      });
    });

    it('confirms each allowed image type by its bytes', async () => {
      for (const format of ['jpeg', 'webp', 'gif'] as const) {
        const key = newKey();
        const file = await imageOf(format);
        const contentType = `image/${format}`;
        await put(await storage.presignUpload(uploadOf(key, file, contentType)), file);

        await expect(storage.verifyUpload(uploadOf(key, file, contentType))).resolves.toMatchObject(
          { contentType },
        );
      }
    });

    it('is signed for the content type and the exact length, and expires when asked', async () => {
      const upload = await storage.presignUpload({
        ...uploadOf(newKey(), png, 'image/png'),
        expiresInSeconds: 60,
      });
      const query = new URL(upload.url).searchParams;

      expect(query.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
      expect(query.get('X-Amz-Expires')).toBe('60');
      expect(upload.headers).toEqual({ 'content-type': 'image/png' });
      expect(upload.expiresAt.getTime() - Date.now()).toBeGreaterThan(55_000);
    });

    it('is not issued for a type outside the policy', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');

      await expect(
        storage.presignUpload(uploadOf(newKey(), svg, 'image/svg+xml')),
      ).rejects.toMatchObject({ code: StorageErrorCode.ContentTypeNotAllowed });
    });

    it('is not issued for a file larger than the policy allows', async () => {
      const request = {
        ...uploadOf(newKey(), png, 'image/png'),
        contentLength: images.maxBytes + 1,
      };

      await expect(storage.presignUpload(request)).rejects.toMatchObject({
        code: StorageErrorCode.ContentTooLarge,
      });
    });

    /** A store that checks signatures (MinIO, S3) refuses the PUT; S3Mock takes it, and verifyUpload refuses it. */
    async function expectRefused(
      response: Response,
      request: UploadRequest,
      code: StorageErrorCode,
    ): Promise<void> {
      if (response.ok) {
        await expect(storage.verifyUpload(request)).rejects.toMatchObject({ code });
      } else {
        expect(response.status).toBe(403);
      }
      expect(await storage.head(request.key)).toBeUndefined();
    }

    it('refuses a body longer than the length it was signed for', async () => {
      const request = uploadOf(newKey(), png, 'image/png');
      const upload = await storage.presignUpload(request);
      const longer = Buffer.concat([png, Buffer.alloc(1_024)]);

      const response = await put(upload, longer);

      await expectRefused(response, request, StorageErrorCode.ContentLengthMismatch);
    });

    it('refuses a file sent with another content type than it was signed for', async () => {
      const request = uploadOf(newKey(), png, 'image/png');
      const upload = await storage.presignUpload(request);

      const response = await put(upload, png, { 'content-type': 'text/html' });

      await expectRefused(response, request, StorageErrorCode.ContentTypeMismatch);
    });

    it('catches a text file that claims to be image/png by its first bytes, and deletes it', async () => {
      const key = newKey();
      const text = Buffer.from('<html><script>alert("not a picture")</script></html>');
      const upload = await storage.presignUpload(uploadOf(key, text, 'image/png'));
      expect((await put(upload, text)).status).toBe(200);

      await expect(storage.verifyUpload(uploadOf(key, text, 'image/png'))).rejects.toMatchObject({
        code: StorageErrorCode.ContentTypeMismatch,
        message: expect.stringContaining(
          'the file was sent as image/png but its bytes are none of',
        ),
      });
      expect(await storage.head(key)).toBeUndefined();
    });

    it('catches a GIF uploaded as a PNG', async () => {
      const key = newKey();
      const gif = await imageOf('gif');
      await put(await storage.presignUpload(uploadOf(key, gif, 'image/png')), gif);

      await expect(storage.verifyUpload(uploadOf(key, gif, 'image/png'))).rejects.toMatchObject({
        code: StorageErrorCode.ContentTypeMismatch,
        message: 'the file was sent as image/png but its bytes are image/gif',
      });
    });

    it('reports an upload that never happened as object_not_found', async () => {
      await expect(
        storage.verifyUpload(uploadOf(newKey(), png, 'image/png')),
      ).rejects.toMatchObject({ code: StorageErrorCode.ObjectNotFound });
    });
  });

  describe('a presigned download', () => {
    it('serves the object to a plain GET with its type', async () => {
      const key = newKey();
      await storage.put(key, png, { contentType: 'image/png' });

      const { url, expiresAt } = await storage.presignDownload(key, { expiresInSeconds: 120 });
      const response = await fetch(url);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
      expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(115_000);
    });

    it('is signed for the public endpoint when clients reach the store elsewhere', async () => {
      const { endpoint } = testStorageOptions(storage.bucket);
      const internal = new URL(endpoint);
      internal.hostname = 'localhost';
      const viaLocalhost = new ObjectStorage({
        ...testStorageOptions(storage.bucket),
        endpoint: internal.origin,
        publicEndpoint: endpoint,
      });
      try {
        const key = newKey();
        await viaLocalhost.put(key, png, { contentType: 'image/png' });

        const { url } = await viaLocalhost.presignDownload(key);

        expect(new URL(url).origin).toBe(new URL(endpoint).origin);
        expect((await fetch(url)).status).toBe(200);
      } finally {
        viaLocalhost.close();
      }
    });

    it('refuses an expiry a presigned URL cannot have', async () => {
      await expect(storage.presignDownload(newKey(), { expiresInSeconds: 0 })).rejects.toThrow(
        RangeError,
      );
      await expect(
        storage.presignDownload(newKey(), { expiresInSeconds: 8 * 24 * 3600 }),
      ).rejects.toThrow('a presigned URL lives 1 to 604800 seconds');
    });
  });

  describe('server-side reads and writes', () => {
    it('puts a buffer, reads it back whole and as a stream, and deletes it', async () => {
      const key = newKey();
      const jpeg = await imageOf('jpeg');

      await storage.put(key, jpeg, { contentType: 'image/jpeg' });

      expect((await storage.getBuffer(key)).equals(jpeg)).toBe(true);
      expect((await buffer(await storage.getStream(key))).equals(jpeg)).toBe(true);
      await storage.delete(key);
      expect(await storage.head(key)).toBeUndefined();
    });

    it('answers object_not_found for a missing key, and head answers undefined', async () => {
      const key = newKey();

      await expect(storage.getBuffer(key)).rejects.toMatchObject({
        name: 'StorageError',
        code: StorageErrorCode.ObjectNotFound,
      });
      await expect(storage.getStream(key)).rejects.toMatchObject({
        code: StorageErrorCode.ObjectNotFound,
      });
      expect(await storage.head(key)).toBeUndefined();
    });

    it('deletes a missing key without complaint', async () => {
      await expect(storage.delete(newKey())).resolves.toBeUndefined();
    });
  });
});
