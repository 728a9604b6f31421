import { Global, Module } from '@nestjs/common';
import { ArticleListCache } from '../articles/article-list-cache';
import { MarkdownRenderer } from './markdown';

const shared = [MarkdownRenderer, ArticleListCache];

/** What every slice uses: Markdown, and the list cache that authors, favorites and media writes forget. */
@Global()
@Module({ providers: shared, exports: shared })
export class SharedModule {}
