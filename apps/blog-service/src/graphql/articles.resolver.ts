import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OptionalAuth, type Principal } from '@capstone/platform/auth';
import { ArticlePublishing } from '../articles/article-publishing';
import { ArticleReader, type ArticleFilter, type ListedArticle } from '../articles/article-reader';
import type { ArticleView } from '../articles/article-record';
import type { CommentView } from '../comments/comment';
import { Favorites } from '../favorites/favorites';
import { Article, ArticleList } from './article.type';
import type { BlogLoaders } from './blog-loaders';
import { Comment } from './comment.type';
import { Caller } from './graphql-auth.guard';
import { GraphqlErrorFilter } from './graphql-exception.filter';
import {
  ArticleChangesArgs,
  ArticlesArgs,
  NewArticleInput,
  PageArgs,
  SlugArgs,
  type ArticleFilterInput,
} from './inputs';
import { commentsCost, pageCost } from './query-cost';

/** An article as a resolver holds it: from a list (no body) or read whole. */
type ArticleNode = ListedArticle & Partial<Pick<ArticleView, 'body' | 'bodyHtml'>>;

/** Articles over ArticleReader, ArticlePublishing and Favorites, as the RealWorld controller is. */
@Resolver(() => Article)
@UseFilters(GraphqlErrorFilter)
export class ArticlesResolver {
  constructor(
    private readonly reader: ArticleReader,
    private readonly publishing: ArticlePublishing,
    private readonly favorites: Favorites,
  ) {}

  @OptionalAuth()
  @Query(() => Article)
  article(@Args() { slug }: SlugArgs, @Caller() caller?: Principal): Promise<ArticleNode> {
    return this.reader.bySlug(slug, caller);
  }

  @OptionalAuth()
  @Query(() => ArticleList, {
    description: 'Articles, newest first, filtered by tag, author or favoriting user.',
    complexity: pageCost,
  })
  articles(
    @Args() { filter, limit, offset }: ArticlesArgs,
    @Caller() caller?: Principal,
  ): Promise<{ articles: ArticleNode[]; articlesCount: number }> {
    return this.reader.list(conditionsOf(filter), { limit, offset }, caller);
  }

  @Query(() => ArticleList, {
    description: 'Articles by the authors the caller follows, newest first.',
    complexity: pageCost,
  })
  feed(
    @Args() { limit, offset }: PageArgs,
    @Caller() caller: Principal,
  ): Promise<{ articles: ArticleNode[]; articlesCount: number }> {
    return this.reader.feed(caller, { limit, offset });
  }

  @Mutation(() => Article)
  createArticle(
    @Args('input') input: NewArticleInput,
    @Caller() caller: Principal,
  ): Promise<ArticleNode> {
    return this.publishing.publish(input, caller);
  }

  @Mutation(() => Article, { description: 'A new title gives the article a new slug.' })
  updateArticle(
    @Args() { slug, input }: ArticleChangesArgs,
    @Caller() caller: Principal,
  ): Promise<ArticleNode> {
    return this.publishing.revise(slug, input, caller);
  }

  @Mutation(() => Boolean, { description: 'Deletes the article with its comments and favorites.' })
  async deleteArticle(@Args() { slug }: SlugArgs, @Caller() caller: Principal): Promise<true> {
    await this.publishing.remove(slug, caller);
    return true;
  }

  @Mutation(() => Article, { description: 'Favoriting again changes nothing.' })
  favoriteArticle(@Args() { slug }: SlugArgs, @Caller() caller: Principal): Promise<ArticleNode> {
    return this.favorites.favorite(slug, caller);
  }

  @Mutation(() => Article)
  unfavoriteArticle(@Args() { slug }: SlugArgs, @Caller() caller: Principal): Promise<ArticleNode> {
    return this.favorites.unfavorite(slug, caller);
  }

  @ResolveField(() => String, { description: 'Markdown, as written.' })
  async body(
    @Parent() article: ArticleNode,
    @Context('loaders') loaders: BlogLoaders,
  ): Promise<string> {
    return article.body ?? (await loaders.bodyOf.load(article.id)).body;
  }

  @ResolveField(() => String, {
    description: 'The body rendered and sanitised, safe to insert into a page.',
  })
  async bodyHtml(
    @Parent() article: ArticleNode,
    @Context('loaders') loaders: BlogLoaders,
  ): Promise<string> {
    return article.bodyHtml ?? (await loaders.bodyOf.load(article.id)).bodyHtml;
  }

  @ResolveField(() => [Comment], { description: 'Newest first.', complexity: commentsCost })
  comments(
    @Parent() article: ArticleNode,
    @Context('loaders') loaders: BlogLoaders,
  ): Promise<CommentView[]> {
    return loaders.commentsOf.load(article.id);
  }
}

// GraphQL lets a client send null for a nullable input field; to the reader it means "no condition".
function conditionsOf(filter: ArticleFilterInput | undefined): ArticleFilter {
  return {
    tag: filter?.tag ?? undefined,
    author: filter?.author ?? undefined,
    favorited: filter?.favorited ?? undefined,
  };
}
