import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LiveComments } from '../comments/live-comments';

export const commentAddedTopic = (articleId: string): string => `comment-added:${articleId}`;

/**
 * Publishes every committed comment, however it was added (REST or GraphQL), to the
 * `commentAdded` subscribers. Mercurius's default emitter is in-process, enough for one instance;
 * with several, give it a Redis-backed emitter (mqemitter-redis) so every instance's subscribers hear it.
 */
@Injectable()
export class CommentAddedPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CommentAddedPublisher.name);
  private stopListening?: () => void;

  constructor(
    private readonly live: LiveComments,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  // Mercurius is registered on the server while the modules initialise: its pubsub exists from here on.
  onApplicationBootstrap(): void {
    const { pubsub } = this.adapterHost.httpAdapter.getInstance<FastifyInstance>().graphql;
    this.stopListening = this.live.listen((announced) => {
      try {
        pubsub.publish({ topic: commentAddedTopic(announced.articleId), payload: announced });
      } catch (error) {
        // The comment is committed and answered; only its live readers miss it.
        this.logger.warn({ err: error }, 'a new comment could not be published to its subscribers');
      }
    });
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }
}
