import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type GetObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  checkContent,
  checkDeclaredContent,
  mediaTypeOf,
  type ContentPolicy,
} from './content/content-policy';
import { sniffLength, type ImageType } from './content/sniff-content-type';
import { StorageError, StorageErrorCode } from './storage-error';

export interface ObjectStorageOptions {
  /** Where this service reaches the store, e.g. http://127.0.0.1:9090 (S3Mock) or http://minio:9000. */
  endpoint: string;
  /** Where clients reach it, when elsewhere: presigned URLs are signed for this host (default: `endpoint`). */
  publicEndpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The one bucket this service keeps its objects in. */
  bucket: string;
}

/** What a client may upload with one presigned PUT: this key, this type, exactly this many bytes. */
export interface UploadRequest {
  key: string;
  contentType: string;
  contentLength: number;
  /** Checked before a URL is issued, so a refused file is never sent at all. */
  policy: ContentPolicy;
  /** How long the URL works (default 300 s). */
  expiresInSeconds?: number;
}

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /**
   * Headers the PUT must carry with exactly these values, because they are signed. Its
   * Content-Length is signed too: fetch and browsers send the body's own, which must match.
   */
  headers: { 'content-type': ImageType };
  expiresAt: Date;
}

export interface PresignedDownload {
  url: string;
  expiresAt: Date;
}

export interface StoredObject {
  key: string;
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
  lastModified: Date | undefined;
}

/** An upload that passed every check: its size, and its type as its bytes prove it. */
export interface VerifiedUpload {
  key: string;
  size: number;
  contentType: ImageType;
}

const defaultUploadTtlSeconds = 300;
const defaultDownloadTtlSeconds = 900;
// Signature V4 refuses longer: a presigned URL lives at most seven days.
const longestTtlSeconds = 7 * 24 * 60 * 60;

/**
 * One bucket of S3-compatible storage: presigned uploads and downloads, so file bytes never pass
 * through the service, plus the server-side reads and writes a job needs. Path-style addressing,
 * which S3Mock and MinIO require and AWS accepts.
 */
export class ObjectStorage {
  readonly bucket: string;
  private readonly client: S3Client;
  // Signs URLs for the host clients use; it only signs, and never sends a request itself.
  private readonly presigner: S3Client;

  constructor({ endpoint, publicEndpoint, region, bucket, ...credentials }: ObjectStorageOptions) {
    this.bucket = bucket;
    this.client = s3Client(endpoint, region, credentials);
    this.presigner = publicEndpoint ? s3Client(publicEndpoint, region, credentials) : this.client;
  }

  /** Creates the bucket unless it exists; asked first, so an account that may not create buckets still starts. */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      // Another instance of the service created it first.
      if (!(error instanceof S3ServiceException && error.name === 'BucketAlreadyOwnedByYou')) {
        throw error;
      }
    }
  }

  /** Readiness: the store answers, takes these credentials, and holds the bucket. */
  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  /**
   * A URL the client PUTs the file to. Content-Type and Content-Length are signed, so a store that
   * checks signatures (MinIO, S3) refuses any other; S3Mock checks none, so `verifyUpload` afterwards
   * is what every service relies on.
   */
  async presignUpload(request: UploadRequest): Promise<PresignedUpload> {
    const contentType = checkDeclaredContent(request.policy, {
      contentType: request.contentType,
      size: request.contentLength,
    });
    const expiresIn = ttlOf(request.expiresInSeconds ?? defaultUploadTtlSeconds);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: request.key,
      ContentType: contentType,
      ContentLength: request.contentLength,
    });
    const url = await getSignedUrl(this.presigner, command, {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      url,
      method: 'PUT',
      headers: { 'content-type': contentType },
      expiresAt: new Date(Date.now() + expiresIn * 1000),
    };
  }

  /**
   * After the client says it uploaded: the object is there with exactly the size and type it was
   * allowed, and its first bytes are of that type. What fails is deleted, so nothing unchecked is
   * ever served; the error says why.
   */
  async verifyUpload(
    request: Pick<UploadRequest, 'key' | 'contentType' | 'contentLength' | 'policy'>,
  ): Promise<VerifiedUpload> {
    const { key, policy } = request;
    const stored = await this.head(key);
    if (!stored) {
      throw new StorageError(StorageErrorCode.ObjectNotFound, `nothing was uploaded to ${key}`);
    }
    try {
      return await this.checkStored(stored, request, policy);
    } catch (error) {
      await this.delete(key);
      throw error;
    }
  }

  /** A URL that serves the object to whoever holds it, until it expires (default 900 s). */
  async presignDownload(
    key: string,
    { expiresInSeconds = defaultDownloadTtlSeconds }: { expiresInSeconds?: number } = {},
  ): Promise<PresignedDownload> {
    const expiresIn = ttlOf(expiresInSeconds);
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: key });
    const url = await getSignedUrl(this.presigner, command, { expiresIn });
    return { url, expiresAt: new Date(Date.now() + expiresIn * 1000) };
  }

  /** The object's size and type, or undefined when there is none at `key`. */
  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const object = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      return {
        key,
        size: object.ContentLength ?? 0,
        contentType: object.ContentType,
        etag: object.ETag,
        lastModified: object.LastModified,
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** The whole object in memory: for files a job transforms, such as an image to resize. */
  async getBuffer(key: string): Promise<Buffer> {
    const body = await this.getBody(key);
    return Buffer.from(await body.transformToByteArray());
  }

  /** The object as a stream, for files too large to hold; the caller must consume or destroy it. */
  async getStream(key: string): Promise<Readable> {
    return (await this.getBody(key)) as Readable;
  }

  /** Writes (or replaces) the object, e.g. a thumbnail a job made. */
  async put(
    key: string,
    body: Uint8Array,
    { contentType }: { contentType: string },
  ): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.byteLength,
      }),
    );
  }

  /** Idempotent: deleting a missing object succeeds, as in S3 itself. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  close(): void {
    this.client.destroy();
    if (this.presigner !== this.client) this.presigner.destroy();
  }

  private async checkStored(
    stored: StoredObject,
    expected: Pick<UploadRequest, 'contentType' | 'contentLength'>,
    policy: ContentPolicy,
  ): Promise<VerifiedUpload> {
    if (stored.size !== expected.contentLength) {
      throw new StorageError(
        StorageErrorCode.ContentLengthMismatch,
        `${stored.size} bytes were uploaded where ${expected.contentLength} were announced`,
      );
    }
    const storedType = mediaTypeOf(stored.contentType ?? '');
    if (storedType !== mediaTypeOf(expected.contentType)) {
      throw new StorageError(
        StorageErrorCode.ContentTypeMismatch,
        `the file was uploaded as ${storedType || 'no type'} where ${mediaTypeOf(expected.contentType)} was announced`,
      );
    }
    const head = await this.readStart(stored.key, Math.min(sniffLength, stored.size));
    const contentType = checkContent(policy, { contentType: storedType, size: stored.size }, head);
    return { key: stored.key, size: stored.size, contentType };
  }

  /** The first `length` bytes only: a ranged GET, so sniffing a large file reads a few bytes of it. */
  private async readStart(key: string, length: number): Promise<Uint8Array> {
    if (length === 0) return new Uint8Array();
    const body = await this.getBody(key, `bytes=0-${length - 1}`);
    return body.transformToByteArray();
  }

  private async getBody(
    key: string,
    range?: string,
  ): Promise<NonNullable<GetObjectCommandOutput['Body']>> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range }),
      );
      if (!object.Body) throw new Error(`S3 answered GET ${key} without a body`);
      return object.Body;
    } catch (error) {
      if (isNotFound(error)) {
        throw new StorageError(StorageErrorCode.ObjectNotFound, `there is no object at ${key}`, {
          cause: error,
        });
      }
      throw error;
    }
  }
}

function s3Client(
  endpoint: string,
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): S3Client {
  return new S3Client({
    endpoint,
    region,
    credentials,
    forcePathStyle: true,
    // Checksums only where S3 demands one: a presigned URL carrying the SDK's default CRC32 would
    // demand a checksum the browser cannot know, and S3-compatible stores vary in supporting them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // An unreachable store fails a request in seconds; a slow transfer that still moves is left alone.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 30_000 },
  });
}

/** HeadObject and HeadBucket answer a bare 404 (`NotFound`); GetObject names it `NoSuchKey`. */
function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 ||
      error.name === 'NoSuchKey' ||
      error.name === 'NoSuchBucket')
  );
}

function ttlOf(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > longestTtlSeconds) {
    throw new RangeError(`a presigned URL lives 1 to ${longestTtlSeconds} seconds, not ${seconds}`);
  }
  return seconds;
}
