import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

// INCR, and start the window on the first hit: one round trip, atomic across replicas.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

export interface Hit {
  count: number;
  /** Until the window (or the lock) ends. */
  remainingMs: number;
}

/** Counters and locks with a lifetime, shared by every replica through Redis. */
@Injectable()
export class RedisCounters implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    const [count, remainingMs] = (await this.redis.eval(HIT, 1, key, windowMs)) as [number, number];
    return { count, remainingMs: Math.max(remainingMs, 0) };
  }

  /** How long a key still lives, 0 when it does not exist. */
  async remainingMs(key: string): Promise<number> {
    return Math.max(await this.redis.pttl(key), 0);
  }

  async set(key: string, lifetimeMs: number): Promise<void> {
    await this.redis.set(key, '1', 'PX', lifetimeMs);
  }

  async delete(...keys: string[]): Promise<void> {
    await this.redis.del(...keys);
  }

  // Closed with the other connections, once consumers and workers have stopped using them.
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit();
  }
}
