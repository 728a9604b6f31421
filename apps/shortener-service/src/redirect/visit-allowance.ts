import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { SHORTENER_REDIS } from '../shared/redis.provider';

// One script, so counting and checking are one atomic step however many visits race.
const TAKE_VISIT = `
local taken = redis.call('INCR', KEYS[1])
if taken > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return 0
end
return taken`;

/**
 * The visits a capped link has left, counted in Redis: exact under any concurrency, and no
 * database write on the redirect path. Redis down means a capped link fails closed.
 */
@Injectable()
export class VisitAllowance {
  constructor(@Inject(SHORTENER_REDIS) private readonly redis: Redis) {}

  /** True when this visit is within the cap (and is now counted). */
  async take(linkId: string, maxVisits: number): Promise<boolean> {
    const taken = (await this.redis.eval(TAKE_VISIT, 1, `visits:${linkId}`, maxVisits)) as number;
    return taken > 0;
  }

  async used(linkId: string): Promise<number> {
    return Number((await this.redis.get(`visits:${linkId}`)) ?? 0);
  }
}
