import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, OptionalAuth, type Principal } from '@capstone/platform/auth';
import { OffsetPageQueryDto } from '../shared/page.dto';
import { SlugParams } from '../shared/slug.params';
import { ArticlePublishing } from './article-publishing';
import { ArticleReader } from './article-reader';
import {
  ArticleChangesDto,
  ArticleListQueryDto,
  ArticleListResponse,
  ArticleResponse,
  NewArticleDto,
} from './realworld-article.dto';

/** The RealWorld article endpoints: its shapes over ArticleReader and ArticlePublishing. */
@ApiTags('RealWorld')
@ApiSecurity('token')
@Controller({ path: 'api/articles', version: VERSION_NEUTRAL })
export class RealWorldArticlesController {
  constructor(
    private readonly reader: ArticleReader,
    private readonly publishing: ArticlePublishing,
  ) {}

  @OptionalAuth()
  @Get()
  @ApiOperation({ summary: 'Articles, newest first, filtered by tag, author or favoriting user' })
  @ApiOkResponse({ type: ArticleListResponse })
  async list(
    @Query() { limit, offset, ...filter }: ArticleListQueryDto,
    @CurrentUser() reader?: Principal,
  ): Promise<ArticleListResponse> {
    return ArticleListResponse.of(await this.reader.list(filter, { limit, offset }, reader));
  }

  @Get('feed')
  @ApiOperation({ summary: 'Articles by the authors the caller follows, newest first' })
  @ApiOkResponse({ type: ArticleListResponse })
  async feed(
    @Query() page: OffsetPageQueryDto,
    @CurrentUser() reader: Principal,
  ): Promise<ArticleListResponse> {
    return ArticleListResponse.of(await this.reader.feed(reader, page));
  }

  @OptionalAuth()
  @Get(':slug')
  @ApiOperation({ summary: 'One article' })
  @ApiOkResponse({ type: ArticleResponse })
  async read(
    @Param() { slug }: SlugParams,
    @CurrentUser() reader?: Principal,
  ): Promise<ArticleResponse> {
    return ArticleResponse.of(await this.reader.bySlug(slug, reader));
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Publish an article; the body is Markdown' })
  @ApiCreatedResponse({ type: ArticleResponse })
  async publish(
    @Body() { article }: NewArticleDto,
    @CurrentUser() caller: Principal,
  ): Promise<ArticleResponse> {
    return ArticleResponse.of(await this.publishing.publish(article, caller));
  }

  @Put(':slug')
  @ApiOperation({
    summary: 'Change an article; a new title gives it a new slug',
    description: 'Without `tagList` the tags stay; `[]` clears them.',
  })
  @ApiOkResponse({ type: ArticleResponse })
  async revise(
    @Param() { slug }: SlugParams,
    @Body() { article }: ArticleChangesDto,
    @CurrentUser() caller: Principal,
  ): Promise<ArticleResponse> {
    return ArticleResponse.of(await this.publishing.revise(slug, article, caller));
  }

  @Delete(':slug')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an article with its comments and favorites' })
  @ApiNoContentResponse()
  async remove(@Param() { slug }: SlugParams, @CurrentUser() caller: Principal): Promise<void> {
    await this.publishing.remove(slug, caller);
  }
}
