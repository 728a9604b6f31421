import type { Redis } from 'ioredis';
import { uniqueTestId } from '../test-names';

/** A key prefix only this test file writes under; give it to the cache or queue options under test. */
export function testRedisPrefix(label: string): string {
  return `test:${label}:${uniqueTestId()}:`;
}

/** Removes every key under the prefix, so test files sharing one Redis leave nothing behind. */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
