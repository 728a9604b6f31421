import { Module } from '@nestjs/common';
import { BlogModule } from '../blog.module';
import { ArticleSearch } from './article-search';
import { SearchController } from './search.controller';

/** `GET /api/blog/v1/search`: full-text search with highlights over the articles BlogModule reads. */
@Module({
  imports: [BlogModule],
  providers: [ArticleSearch],
  controllers: [SearchController],
  exports: [ArticleSearch],
})
export class SearchModule {}
