import { Module } from '@nestjs/common';
import { BlogModule } from '../blog.module';
import { SearchModule } from '../search/search.module';
import { NativeArticlesController } from './native-articles.controller';

/** The blog's own API under `/api/blog/v1`, in problem details: search, and articles with their HTML. */
@Module({
  imports: [BlogModule, SearchModule],
  controllers: [NativeArticlesController],
})
export class NativeApiModule {}
