import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { testEndpoints, uniqueTestId } from '@capstone/platform/testing';
import sharp from 'sharp';
import { ObjectStorage, type ObjectStorageOptions } from '../../src';

/** A bucket only this test file uses (bucket names allow no underscore). */
export function testBucketName(label: string): string {
  return `test-${label}-${uniqueTestId().replace('_', '-')}`;
}

export function testStorageOptions(bucket: string): ObjectStorageOptions {
  return { ...testEndpoints.s3, bucket };
}

/** An ObjectStorage on a fresh bucket of its own, which `removeTestBucket` empties and deletes. */
export async function createTestStorage(label: string): Promise<ObjectStorage> {
  const storage = new ObjectStorage(testStorageOptions(testBucketName(label)));
  await storage.ensureBucket();
  return storage;
}

export async function removeTestBucket(bucket: string): Promise<void> {
  const { endpoint, region, ...credentials } = testEndpoints.s3;
  const client = new S3Client({ endpoint, region, credentials, forcePathStyle: true });
  try {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).map(({ Key }) => ({ Key }));
      if (keys.length > 0) {
        await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
      }
      token = page.NextContinuationToken;
    } while (token);
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
}

/** A real image of a few pixels, encoded as `format`. */
export function imageOf(format: 'png' | 'jpeg' | 'webp' | 'gif'): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#2a9d8f' } })
    .toFormat(format)
    .toBuffer();
}
