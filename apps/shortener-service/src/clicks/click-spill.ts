import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { SHORTENER_REDIS } from '../shared/redis.provider';
import type { SealedBatch } from './click-batch';

const SPILL_KEY = 'clicks:spill';
const ID_LENGTH = 36;

// Pops the head while it is still the batch the caller published, in order: a batch another
// instance drained (and removed) first stops it, and whatever stays is published again, harmlessly.
const REMOVE_PUBLISHED = `
local removed = 0
for _, id in ipairs(ARGV) do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head or string.sub(head, 1, ${ID_LENGTH}) ~= id then break end
  redis.call('LPOP', KEYS[1])
  removed = removed + 1
end
return removed`;

/**
 * Where sealed click batches wait while Kafka is away and memory runs short: one Redis list that
 * every instance pushes to and drains. An entry leaves the list only after Kafka acknowledged it,
 * so a crash mid-drain publishes it twice at worst, and the consumer counts a batch id once.
 */
@Injectable()
export class ClickSpill {
  constructor(@Inject(SHORTENER_REDIS) private readonly redis: Redis) {}

  async push(batches: readonly SealedBatch[]): Promise<void> {
    await this.redis.rpush(SPILL_KEY, ...batches.map(encode));
  }

  /** The oldest spilled batches, left in the list. */
  async peek(count: number): Promise<SealedBatch[]> {
    return (await this.redis.lrange(SPILL_KEY, 0, count - 1)).map(decode);
  }

  /** Removes `published`, the head of the list as `peek` returned it, as far as it still is. */
  async remove(published: readonly SealedBatch[]): Promise<number> {
    return (await this.redis.eval(
      REMOVE_PUBLISHED,
      1,
      SPILL_KEY,
      ...published.map((batch) => batch.id),
    )) as number;
  }

  length(): Promise<number> {
    return this.redis.llen(SPILL_KEY);
  }
}

// `<id> <clicks> <envelope>`: the key and the count without parsing half a megabyte of JSON.
function encode({ id, clicks, value }: SealedBatch): string {
  return `${id} ${clicks} ${value}`;
}

function decode(entry: string): SealedBatch {
  const countEnd = entry.indexOf(' ', ID_LENGTH + 1);
  return {
    id: entry.slice(0, ID_LENGTH),
    clicks: Number(entry.slice(ID_LENGTH + 1, countEnd)),
    value: entry.slice(countEnd + 1),
  };
}
