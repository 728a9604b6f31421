import {
  Body,
  Controller,
  Delete,
  HttpCode,
  HttpStatus,
  Param,
  Put,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@capstone/platform/auth';
import { problemResponse } from '../native-api/problem-details';
import { ProfileResponse } from '../profiles/realworld-profile.dto';
import { SlugParams } from '../shared/slug.params';
import { ArticleCoverResponse, AttachMediaDto } from './media.dto';
import { MediaAttachments } from './media-attachments';

const SLUG = 'how-to-train-your-dragon';
const unusableMedia = (instance: string) =>
  problemResponse(
    '`media_not_found` for an image that is not yours, `media_purpose_mismatch` for one uploaded for the other purpose, `media_not_ready` while its thumbnails are made, `media_rejected` for a rejected one',
    {
      status: 422,
      code: 'media_not_ready',
      detail: 'is uploaded; attach it once it is ready',
      instance,
      errors: [
        {
          field: 'mediaId',
          message: 'is uploaded; attach it once it is ready',
          code: 'media_not_ready',
        },
      ],
    },
  );
const articleNotFound = problemResponse('`article_not_found`: no article has this slug', {
  status: 404,
  code: 'article_not_found',
  detail: `No article has the slug ${SLUG}`,
  instance: `/api/blog/v1/articles/${SLUG}/cover`,
});
const notTheAuthor = problemResponse('`article_forbidden`: only its author may change it', {
  status: 403,
  code: 'article_forbidden',
  detail: 'Only its author may change or delete it',
  instance: `/api/blog/v1/articles/${SLUG}/cover`,
});

/** Ready images put to use: an article's cover, and the caller's avatar. */
@ApiTags('media')
@ApiBearerAuth()
@Controller({ path: 'api/blog/v1', version: VERSION_NEUTRAL })
export class MediaAttachmentsController {
  constructor(private readonly attachments: MediaAttachments) {}

  @Put('articles/:slug/cover')
  @ApiOperation({
    summary: "Set my article's cover image",
    description:
      'A ready image I uploaded with purpose `cover`; it may be the cover of one article only. The native article view shows it as `coverImage`.',
  })
  @ApiOkResponse({ type: ArticleCoverResponse })
  @ApiForbiddenResponse(notTheAuthor)
  @ApiNotFoundResponse(articleNotFound)
  @ApiConflictResponse(
    problemResponse('`media_in_use`: the image is the cover of another article', {
      status: 409,
      code: 'media_in_use',
      detail: 'This image is already the cover of another article',
      instance: `/api/blog/v1/articles/${SLUG}/cover`,
      errors: [
        { field: 'mediaId', message: 'is the cover of another article', code: 'media_in_use' },
      ],
    }),
  )
  @ApiUnprocessableEntityResponse(unusableMedia(`/api/blog/v1/articles/${SLUG}/cover`))
  setCover(
    @Param() { slug }: SlugParams,
    @Body() { mediaId }: AttachMediaDto,
    @CurrentUser() caller: Principal,
  ): Promise<ArticleCoverResponse> {
    return this.attachments.setCover(slug, mediaId, caller);
  }

  @Delete('articles/:slug/cover')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Remove my article's cover image" })
  @ApiNoContentResponse({ description: 'The article has no cover now' })
  @ApiForbiddenResponse(notTheAuthor)
  @ApiNotFoundResponse(articleNotFound)
  async removeCover(
    @Param() { slug }: SlugParams,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    await this.attachments.setCover(slug, null, caller);
  }

  @Put('profile/avatar')
  @ApiOperation({
    summary: 'Set my avatar',
    description:
      "A ready image I uploaded with purpose `avatar`. Its small thumbnail becomes my profile's `image` wherever the blog shows me; auth-service's image is kept for when I remove it.",
  })
  @ApiOkResponse({ type: ProfileResponse })
  @ApiUnprocessableEntityResponse(unusableMedia('/api/blog/v1/profile/avatar'))
  async setAvatar(
    @Body() { mediaId }: AttachMediaDto,
    @CurrentUser() caller: Principal,
  ): Promise<ProfileResponse> {
    return ProfileResponse.of(await this.attachments.setAvatar(mediaId, caller));
  }

  @Delete('profile/avatar')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove my avatar: my profile shows the image auth-service holds' })
  @ApiNoContentResponse({ description: 'The avatar is no longer shown' })
  async removeAvatar(@CurrentUser() caller: Principal): Promise<void> {
    await this.attachments.setAvatar(null, caller);
  }
}
