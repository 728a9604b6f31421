import { Module } from '@nestjs/common';
import { FavoriteLedger } from './favorites/favorite-ledger';
import { Favorites } from './favorites/favorites';
import { RealWorldFavoritesController } from './favorites/realworld-favorites.controller';
import { Comments } from './comments/comments';
import { LiveComments } from './comments/live-comments';
import { RealWorldCommentsController } from './comments/realworld-comments.controller';
import { FollowGraph } from './profiles/follow-graph';
import { Profiles } from './profiles/profiles';
import { RealWorldProfilesController } from './profiles/realworld-profiles.controller';
import { RealWorldTagsController } from './tags/realworld-tags.controller';
import { TagList } from './tags/tag-list';
import { ArticleCache } from './articles/article-cache';
import { ArticlePublishing } from './articles/article-publishing';
import { ArticleReader } from './articles/article-reader';
import { ReaderFlagCache } from './articles/reader-flag-cache';
import { ReaderFlagLookup } from './articles/reader-flags';
import { RealWorldArticlesController } from './articles/realworld-articles.controller';

const applicationServices = [
  ArticleReader,
  ArticlePublishing,
  ArticleCache,
  ReaderFlagLookup,
  ReaderFlagCache,
  FavoriteLedger,
  Favorites,
  Comments,
  LiveComments,
  FollowGraph,
  Profiles,
  TagList,
];

/** The blog itself: articles, favorites, comments, profiles and tags, shared by REST and GraphQL. */
@Module({
  providers: applicationServices,
  controllers: [
    RealWorldArticlesController,
    RealWorldFavoritesController,
    RealWorldCommentsController,
    RealWorldProfilesController,
    RealWorldTagsController,
  ],
  exports: applicationServices,
})
export class BlogModule {}
