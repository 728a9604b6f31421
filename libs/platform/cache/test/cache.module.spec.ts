import { randomUUID } from 'node:crypto';
import { testEndpoints } from '@capstone/platform/testing';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CacheModule, RedisCache } from '../src';

const redisUrl = testEndpoints.redisUrl;

@Injectable()
class LinkResolver {
  constructor(private readonly cache: RedisCache) {}

  resolve(slug: string): Promise<string> {
    return this.cache.wrap(`link:${slug}`, 60, async () => `https://example.com/${slug}`);
  }
}

@Module({ providers: [LinkResolver], exports: [LinkResolver] })
class LinksModule {}

describe('CacheModule', () => {
  it('gives feature modules a RedisCache under the service prefix and closes it on shutdown', async () => {
    const keyPrefix = `test-cache-module-${randomUUID()}`;
    const moduleRef = await Test.createTestingModule({
      imports: [CacheModule.forRoot({ url: redisUrl, keyPrefix }), LinksModule],
    }).compile();
    // No HTTP here: the module's lifecycle is all this test needs.
    const app = await moduleRef.init();

    await expect(app.get(LinkResolver).resolve('docs')).resolves.toBe('https://example.com/docs');

    await app.get(RedisCache).invalidatePrefix('');
    await app.close();
  });
});
