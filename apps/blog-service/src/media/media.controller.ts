import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Redirect,
  Res,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, type Principal } from '@capstone/platform/auth';
import type { FastifyReply } from 'fastify';
import { problemResponse } from '../native-api/problem-details';
import {
  MediaIdParams,
  MediaResponse,
  RequestedUploadResponse,
  RequestUploadDto,
  ThumbnailParams,
} from './media.dto';
import { MediaLibrary } from './media-library';

const MEDIA_ID = '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f';
const mediaNotFound = problemResponse('`media_not_found`: no media of yours has this id', {
  status: 404,
  code: 'media_not_found',
  detail: `No media ${MEDIA_ID} of yours`,
  instance: `/api/blog/v1/media/${MEDIA_ID}`,
});
// A redirect cached this long still points at a presigned URL valid for half an hour more.
const REDIRECT_MAX_AGE_SECONDS = 1_800;

/**
 * Uploads of images for article covers and avatars. The file goes straight to object storage with
 * a presigned URL; this API only hands out the URL, checks what arrived, and serves thumbnails.
 */
@ApiTags('media')
@ApiBearerAuth()
@Controller({ path: 'api/blog/v1/media', version: VERSION_NEUTRAL })
export class MediaController {
  constructor(private readonly library: MediaLibrary) {}

  @Post('uploads')
  @ApiOperation({
    summary: 'Ask to upload an image: get a presigned URL for exactly that file',
    description:
      'Then PUT the file to `upload.url` with `upload.headers` (no token), and confirm it. Only JPEG, PNG, WebP and GIF up to MEDIA_MAX_BYTES are accepted; anything else is refused here, before it is sent.',
  })
  @ApiCreatedResponse({ type: RequestedUploadResponse })
  @ApiUnprocessableEntityResponse(
    problemResponse(
      '`content_type_not_allowed` for a type other than image/jpeg, image/png, image/webp or image/gif; `content_too_large` over MEDIA_MAX_BYTES; `validation_failed` for a missing or malformed field',
      {
        status: 422,
        code: 'content_too_large',
        detail: 'the file is 9000000 bytes; at most 5242880 are accepted',
        instance: '/api/blog/v1/media/uploads',
        errors: [
          {
            field: 'byteSize',
            message: 'the file is 9000000 bytes; at most 5242880 are accepted',
            code: 'content_too_large',
          },
        ],
      },
    ),
  )
  @ApiTooManyRequestsResponse(
    problemResponse('`too_many_uploads`: 20 uploads wait for confirmation from the last hour', {
      status: 429,
      code: 'too_many_uploads',
      detail: 'At most 20 uploads may wait for confirmation in an hour; confirm them first',
      instance: '/api/blog/v1/media/uploads',
    }),
  )
  async requestUpload(
    @Body() intent: RequestUploadDto,
    @CurrentUser() caller: Principal,
  ): Promise<RequestedUploadResponse> {
    return RequestedUploadResponse.of(await this.library.requestUpload(intent, caller));
  }

  @Post(':id/confirm')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Say the file is uploaded: it is checked, and its thumbnails are made',
    description:
      'The stored file must have the announced size and type, and its first bytes must be that type of image; otherwise it is deleted and the media rejected. Poll `GET /api/blog/v1/media/{id}` until `status` is `ready`. Confirming again is harmless.',
  })
  @ApiAcceptedResponse({ type: MediaResponse })
  @ApiNotFoundResponse(mediaNotFound)
  @ApiUnprocessableEntityResponse(
    problemResponse(
      '`content_type_mismatch` when the bytes are not the announced image, `content_length_mismatch` for another size, `upload_missing` when nothing was uploaded, `media_rejected` when it already was rejected. The media is rejected.',
      {
        status: 422,
        code: 'content_type_mismatch',
        detail:
          'the file was sent as image/png but its bytes are none of image/jpeg, image/png, image/webp or image/gif',
        instance: `/api/blog/v1/media/${MEDIA_ID}/confirm`,
      },
    ),
  )
  async confirm(
    @Param() { id }: MediaIdParams,
    @CurrentUser() caller: Principal,
  ): Promise<MediaResponse> {
    return MediaResponse.of(await this.library.confirm(id, caller));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my uploads: its status and, once ready, its thumbnails' })
  @ApiOkResponse({ type: MediaResponse })
  @ApiNotFoundResponse(mediaNotFound)
  async view(
    @Param() { id }: MediaIdParams,
    @CurrentUser() caller: Principal,
  ): Promise<MediaResponse> {
    return MediaResponse.of(await this.library.view(id, caller));
  }

  @Public()
  @Get(':id/:variant')
  @Redirect()
  @ApiOperation({
    summary: 'A thumbnail of a ready image: a redirect to it in object storage',
    description:
      'What the links in profiles, articles and media point at. Public, like the pages that show them; the redirect may be cached for 30 minutes.',
  })
  @ApiFoundResponse({
    description: 'The `Location` is a presigned URL of the WebP thumbnail, valid for an hour',
    headers: {
      Location: { description: 'The thumbnail in object storage', schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse(
    problemResponse('`media_not_found`: no ready image has this id', {
      status: 404,
      code: 'media_not_found',
      detail: `No ready image has the id ${MEDIA_ID}`,
      instance: `/api/blog/v1/media/${MEDIA_ID}/small`,
    }),
  )
  async thumbnail(
    @Param() { id, variant }: ThumbnailParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    const { url } = await this.library.thumbnailDownload(id, variant);
    // Only here, on success: a "not found" for an image still being made must not be cached.
    reply.header('Cache-Control', `public, max-age=${REDIRECT_MAX_AGE_SECONDS}`);
    return { url, statusCode: HttpStatus.FOUND };
  }
}
