import { Controller, Get, Param, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, OptionalAuth, type Principal } from '@capstone/platform/auth';
import { ArticleReader } from '../articles/article-reader';
import { Comments } from '../comments/comments';
import { SlugParams } from '../shared/slug.params';
import { NativeArticleResponse } from './native-article.dto';
import { NativeCommentResponse } from './native-comment.dto';
import { problemResponse } from './problem-details';

const articleNotFound = problemResponse('`article_not_found`: no shown article has this slug', {
  status: 404,
  code: 'article_not_found',
  detail: 'No article has the slug how-to-train-your-dragon',
  instance: '/api/blog/v1/articles/how-to-train-your-dragon',
});

/**
 * Articles and their comments with the HTML rendered from their Markdown, for clients that show
 * them as the site does; the RealWorld paths carry only the Markdown.
 */
@ApiTags('blog')
@ApiBearerAuth()
@Controller({ path: 'api/blog/v1/articles/:slug', version: VERSION_NEUTRAL })
export class NativeArticlesController {
  constructor(
    private readonly articles: ArticleReader,
    private readonly comments: Comments,
  ) {}

  @OptionalAuth()
  @Get()
  @ApiOperation({
    summary: 'One article, with its body rendered to sanitised HTML',
    description:
      "`bodyHtml` is safe to insert into a page; `title`, `description`, `body` and the author's `username` and `bio` are plain text, returned exactly as written: escape them.",
  })
  @ApiOkResponse({ type: NativeArticleResponse })
  @ApiNotFoundResponse(articleNotFound)
  async read(
    @Param() { slug }: SlugParams,
    @CurrentUser() reader?: Principal,
  ): Promise<NativeArticleResponse> {
    return NativeArticleResponse.of(await this.articles.bySlug(slug, reader));
  }

  @OptionalAuth()
  @Get('comments')
  @ApiOperation({
    summary: "An article's comments, newest first, each rendered to sanitised HTML",
    description: '`bodyHtml` is safe to insert into a page; `body` and the profile are plain text.',
  })
  @ApiOkResponse({ type: [NativeCommentResponse] })
  @ApiNotFoundResponse(articleNotFound)
  async readComments(
    @Param() { slug }: SlugParams,
    @CurrentUser() reader?: Principal,
  ): Promise<NativeCommentResponse[]> {
    return (await this.comments.list(slug, reader)).map(NativeCommentResponse.of);
  }
}
