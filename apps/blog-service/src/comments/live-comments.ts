import { Injectable } from '@nestjs/common';
import type { CommentView } from './comment';

/** A comment as it is committed, with what a live reader needs beyond its view. */
export interface AnnouncedComment {
  articleId: string;
  authorId: string;
  comment: CommentView;
}

type Listener = (announced: AnnouncedComment) => void;

/**
 * Comments as they are committed, told to whoever watches in this process: the GraphQL
 * subscription, whose emitter carries them on to other instances' subscribers.
 */
@Injectable()
export class LiveComments {
  private readonly listeners = new Set<Listener>();

  announce(announced: AnnouncedComment): void {
    for (const listener of this.listeners) listener(announced);
  }

  /** Returns the way to stop listening. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
