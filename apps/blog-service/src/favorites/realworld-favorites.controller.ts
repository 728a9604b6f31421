import {
  Controller,
  Delete,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { ArticleResponse } from '../articles/realworld-article.dto';
import { SlugParams } from '../shared/slug.params';
import { Favorites } from './favorites';

@ApiTags('RealWorld')
@ApiSecurity('token')
@Controller({ path: 'api/articles/:slug/favorite', version: VERSION_NEUTRAL })
export class RealWorldFavoritesController {
  constructor(private readonly favorites: Favorites) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Favorite an article (again is a no-op)' })
  @ApiOkResponse({ type: ArticleResponse })
  async favorite(
    @Param() { slug }: SlugParams,
    @CurrentUser() caller: Principal,
  ): Promise<ArticleResponse> {
    return ArticleResponse.of(await this.favorites.favorite(slug, caller));
  }

  @Delete()
  @ApiOperation({ summary: 'Stop favoriting an article' })
  @ApiOkResponse({ type: ArticleResponse })
  async unfavorite(
    @Param() { slug }: SlugParams,
    @CurrentUser() caller: Principal,
  ): Promise<ArticleResponse> {
    return ArticleResponse.of(await this.favorites.unfavorite(slug, caller));
  }
}
