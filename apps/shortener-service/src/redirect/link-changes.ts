import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { SHORTENER_REDIS } from '../shared/redis.provider';

/**
 * Tells every instance which short codes changed, over Redis pub/sub, so each one forgets its
 * in-memory copy of the link at once. A message lost (Redis away) is covered by that copy's
 * one-second lifetime, not by this.
 */
@Injectable()
export class LinkChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LinkChanges.name);
  private readonly channel: string;
  private readonly subscriber: Redis;
  private readonly listeners: ((code: string) => void)[] = [];

  constructor(
    @Inject(SHORTENER_REDIS) private readonly redis: Redis,
    config: AppConfig<Environment>,
  ) {
    // Channels are not keys: ioredis's keyPrefix leaves them alone, so the prefix is spelled out.
    this.channel = `${config.get('CACHE_PREFIX')}:link-changes`;
    // A subscribed connection takes no other command. Its SUBSCRIBE waits for Redis however long
    // it is away, and ioredis sends it again on every reconnection.
    this.subscriber = redis.duplicate({
      lazyConnect: true,
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      commandTimeout: undefined,
    });
  }

  /** `listener` hears every code any instance announces, this one's own included. */
  onChange(listener: (code: string) => void): void {
    this.listeners.push(listener);
  }

  async announce(code: string): Promise<void> {
    try {
      await this.redis.publish(this.channel, code);
    } catch (error) {
      this.logger.warn(
        `could not announce a change of ${code}; other instances see it within a second: ${(error as Error).message}`,
      );
    }
  }

  onModuleInit(): void {
    this.subscriber.on('message', (_channel: string, code: string) => {
      for (const listener of this.listeners) listener(code);
    });
    // Reconnection is ioredis's job; the readiness check reports Redis, so nothing to log per retry.
    this.subscriber.on('error', () => undefined);
    this.subscriber.subscribe(this.channel).catch((error: Error) => {
      this.logger.warn(`could not subscribe to ${this.channel}: ${error.message}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
