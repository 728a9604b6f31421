import { Controller, Get, Query, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, OptionalAuth, type Principal } from '@capstone/platform/auth';
import { problemResponse } from '../native-api/problem-details';
import { ArticleSearch } from './article-search';
import { SearchPageResponse, SearchQueryDto } from './search.dto';

@ApiTags('blog')
@ApiBearerAuth()
@Controller({ path: 'api/blog/v1/search', version: VERSION_NEUTRAL })
export class SearchController {
  constructor(private readonly articles: ArticleSearch) {}

  @OptionalAuth()
  @Get()
  @ApiOperation({
    summary: 'Search articles: best match first, with the matches highlighted',
    description:
      "Matches title and tags first, then the description, then the body; articles of disabled authors are never found. Page on with `nextCursor`: the order is total, so every hit comes exactly once. `title`, `description` and the author's `username` and `bio` are plain text (escape them); only `highlight` is HTML. A token is optional: with one, `favorited` and `author.following` are the caller's.",
  })
  @ApiOkResponse({ type: SearchPageResponse })
  @ApiUnprocessableEntityResponse(
    problemResponse(
      '`validation_failed` for a missing, blank or over-long `q` or a `limit` outside 1–50; `invalid_cursor` for a cursor no page of this API gave',
      {
        status: 422,
        code: 'invalid_cursor',
        detail: 'The cursor is not one a previous page of this search returned',
        instance: '/api/blog/v1/search',
        errors: [
          { field: 'cursor', message: 'is not a cursor this API gave', code: 'invalid_cursor' },
        ],
      },
    ),
  )
  async search(
    @Query() { q, limit, cursor }: SearchQueryDto,
    @CurrentUser() reader?: Principal,
  ): Promise<SearchPageResponse> {
    return SearchPageResponse.of(await this.articles.search({ q, limit, cursor }, reader));
  }
}
