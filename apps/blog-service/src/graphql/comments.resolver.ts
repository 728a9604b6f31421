import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import { OptionalAuth, type Principal } from '@capstone/platform/auth';
import type { SubscriptionContext } from 'mercurius';
import { ArticleReader } from '../articles/article-reader';
import type { CommentView } from '../comments/comment';
import { Comments } from '../comments/comments';
import type { AnnouncedComment } from '../comments/live-comments';
import { FollowGraph } from '../profiles/follow-graph';
import { commentAddedTopic } from './comment-added.publisher';
import { Comment } from './comment.type';
import { Caller } from './graphql-auth.guard';
import { GraphqlErrorFilter } from './graphql-exception.filter';
import type { BlogGraphqlContext } from './graphql-context';
import { CommentArgs, NewCommentArgs, SlugArgs } from './inputs';

@Resolver(() => Comment)
@UseFilters(GraphqlErrorFilter)
export class CommentsResolver {
  constructor(
    private readonly comments: Comments,
    private readonly reader: ArticleReader,
    private readonly follows: FollowGraph,
  ) {}

  @Mutation(() => Comment, { description: 'The body is Markdown.' })
  addComment(
    @Args() { slug, body }: NewCommentArgs,
    @Caller() caller: Principal,
  ): Promise<CommentView> {
    return this.comments.add(slug, body, caller);
  }

  @Mutation(() => Boolean, { description: 'Only its author may delete a comment.' })
  async deleteComment(
    @Args() { slug, id }: CommentArgs,
    @Caller() caller: Principal,
  ): Promise<true> {
    await this.comments.remove(slug, id, caller);
    return true;
  }

  @OptionalAuth()
  @Subscription(() => Comment, {
    description: 'Each comment added to the article from now on, however it was added.',
    resolve(
      this: CommentsResolver,
      announced: AnnouncedComment,
      _args,
      context: BlogGraphqlContext,
    ) {
      return this.asSeenBy(announced, context.caller.principal);
    },
  })
  async commentAdded(
    @Args() { slug }: SlugArgs,
    @Caller() caller: Principal | undefined,
    @Context('pubsub') pubsub: SubscriptionContext,
  ): Promise<AsyncIterator<AnnouncedComment>> {
    // By id: a new title moves the slug, and the subscriber still watches the same article.
    const article = await this.reader.bySlug(slug, caller);
    return pubsub.subscribe<AnnouncedComment>(commentAddedTopic(article.id));
  }

  /** The comment was announced as its author sees it; each subscriber may follow that author. */
  private async asSeenBy(
    announced: AnnouncedComment,
    subscriber?: Principal,
  ): Promise<CommentView> {
    const following = await this.follows.follows(subscriber?.userId, announced.authorId);
    return { ...announced.comment, author: { ...announced.comment.author, following } };
  }
}
