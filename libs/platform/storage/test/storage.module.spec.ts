import { randomUUID } from 'node:crypto';
import { sparePort } from '@capstone/platform/testing';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ObjectStorage, s3Check, StorageModule } from '../src';
import { removeTestBucket, testBucketName, testStorageOptions } from './support/test-bucket';

@Injectable()
class AvatarArchive {
  constructor(private readonly storage: ObjectStorage) {}

  async keep(userId: string, image: Buffer): Promise<Buffer> {
    const key = `avatars/${userId}`;
    await this.storage.put(key, image, { contentType: 'image/png' });
    return this.storage.getBuffer(key);
  }
}

@Module({ providers: [AvatarArchive], exports: [AvatarArchive] })
class AvatarsModule {}

describe('StorageModule', () => {
  it('creates its missing bucket at start, serves feature modules, and is ready while the bucket answers', async () => {
    const bucket = testBucketName('module');
    const moduleRef = await Test.createTestingModule({
      imports: [
        StorageModule.forRootAsync({ useFactory: async () => testStorageOptions(bucket) }),
        AvatarsModule,
      ],
    }).compile();
    const app = await moduleRef.init();
    try {
      const image = Buffer.from('stand-in bytes: put does not check content');
      await expect(app.get(AvatarArchive).keep(randomUUID(), image)).resolves.toEqual(image);
      await expect(s3Check(app.get(ObjectStorage)).probe()).resolves.toBeUndefined();
    } finally {
      await app.close();
      await removeTestBucket(bucket);
    }
  });

  it('starts again on a bucket that already exists', async () => {
    const bucket = testBucketName('again');
    const start = async () =>
      (
        await Test.createTestingModule({
          imports: [StorageModule.forRoot(testStorageOptions(bucket))],
        }).compile()
      ).init();
    try {
      await (await start()).close();
      const second = await start();
      await expect(second.get(ObjectStorage).ping()).resolves.toBeUndefined();
      await second.close();
    } finally {
      await removeTestBucket(bucket);
    }
  });

  it('fails the start when nothing answers at the endpoint', async () => {
    const nowhere = `http://127.0.0.1:${await sparePort()}`;
    const moduleRef = Test.createTestingModule({
      imports: [
        StorageModule.forRoot({
          ...testStorageOptions(testBucketName('nowhere')),
          endpoint: nowhere,
        }),
      ],
    });

    await expect(moduleRef.compile()).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('s3Check', () => {
  it('is named s3 and fails while the bucket is gone', async () => {
    const storage = new ObjectStorage(testStorageOptions(testBucketName('check')));
    try {
      const check = s3Check(storage);

      expect(check.name).toBe('s3');
      await expect(check.probe()).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    } finally {
      storage.close();
    }
  });
});
