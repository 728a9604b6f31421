import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  MEDIA_PURPOSES,
  THUMBNAIL_VARIANTS,
  type ImageLinks,
  type MediaPurpose,
  type MediaStatus,
  type ThumbnailVariant,
} from './media';
import type { MediaView, RequestedUpload, ThumbnailView } from './media-library';

const MEDIA_ID = '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f';
const LINK =
  'A stable link on this API that redirects (302) to the image in object storage: store it, cache it, put it in an `<img>`.';

export class RequestUploadDto {
  @ApiProperty({
    enum: MEDIA_PURPOSES,
    example: 'cover',
    description: "`cover` for an article's cover image, `avatar` for your profile picture",
  })
  @IsDefined({ message: 'is required' })
  @IsIn(MEDIA_PURPOSES, { message: `must be one of ${MEDIA_PURPOSES.join(', ')}` })
  purpose!: MediaPurpose;

  @ApiProperty({
    example: 'image/jpeg',
    maxLength: 100,
    description:
      'The type of the file you will upload: image/jpeg, image/png, image/webp or image/gif. Its bytes are checked against it.',
  })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be text' })
  @MaxLength(100)
  contentType!: string;

  @ApiProperty({
    example: 482133,
    minimum: 1,
    description:
      'The exact size of the file in bytes: the upload URL accepts this many and no other. The limit is MEDIA_MAX_BYTES (5 MiB unless configured).',
  })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  byteSize!: number;
}

class UploadHeadersBody {
  @ApiProperty({ name: 'content-type', example: 'image/jpeg' })
  'content-type'!: string;
}

class UploadInstructionsBody {
  @ApiProperty({
    example: `http://127.0.0.1:9090/capstone/media/${MEDIA_ID}/original?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost&X-Amz-Signature=…`,
    description: 'Where to send the file, straight to object storage; it needs no token',
  })
  url!: string;

  @ApiProperty({ enum: ['PUT'], example: 'PUT' }) method!: 'PUT';

  @ApiProperty({
    type: UploadHeadersBody,
    description:
      'Send exactly these headers: they are signed. The Content-Length is signed too, as the announced byteSize.',
  })
  headers!: UploadHeadersBody;
}

export class RequestedUploadResponse {
  @ApiProperty({ example: MEDIA_ID, description: 'Confirm it once the file is uploaded' })
  mediaId!: string;

  @ApiProperty({ type: UploadInstructionsBody }) upload!: UploadInstructionsBody;

  @ApiProperty({ example: '2026-02-18T03:27:56.637Z', description: 'The URL works until then' })
  expiresAt!: string;

  static of({ mediaId, upload, expiresAt }: RequestedUpload): RequestedUploadResponse {
    return { mediaId, upload, expiresAt: expiresAt.toISOString() };
  }
}

class ThumbnailBody implements ThumbnailView {
  @ApiProperty({ example: `/api/blog/v1/media/${MEDIA_ID}/large`, description: LINK })
  url!: string;
  @ApiProperty({ example: 800 }) width!: number;
  @ApiProperty({ example: 600 }) height!: number;
}

class ThumbnailsBody {
  @ApiProperty({ type: ThumbnailBody, description: 'At most 160 pixels a side, WebP' })
  small!: ThumbnailBody;
  @ApiProperty({ type: ThumbnailBody, description: 'At most 800 pixels a side, WebP' })
  large!: ThumbnailBody;
}

class MediaBody {
  @ApiProperty({ example: MEDIA_ID }) id!: string;
  @ApiProperty({ enum: MEDIA_PURPOSES, example: 'cover' }) purpose!: MediaPurpose;

  @ApiProperty({
    enum: ['pending', 'uploaded', 'ready', 'rejected'],
    example: 'ready',
    description:
      '`pending`: waiting for the file; `uploaded`: checked, thumbnails on their way; `ready`: can be attached; `rejected`: see `failureReason`',
  })
  status!: MediaStatus;

  @ApiProperty({ example: 'image/jpeg' }) contentType!: string;
  @ApiProperty({ example: 482133 }) byteSize!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'Why it was rejected, e.g. "the file was sent as image/png but its bytes are none of …"',
  })
  failureReason!: string | null;

  @ApiProperty({ type: ThumbnailsBody, nullable: true, description: 'Once ready' })
  thumbnails!: ThumbnailsBody | null;

  @ApiProperty({ example: '2026-02-18T03:22:56.637Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-02-18T03:22:58.104Z' }) updatedAt!: string;
}

/** `{"media": {...}}`. */
export class MediaResponse {
  @ApiProperty({ type: MediaBody }) media!: MediaBody;

  static of(media: MediaView): MediaResponse {
    return { media };
  }
}

export class MediaIdParams {
  @ApiProperty({ example: MEDIA_ID, format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

export class ThumbnailParams extends MediaIdParams {
  @ApiProperty({ enum: THUMBNAIL_VARIANTS, example: 'small' })
  @IsIn(THUMBNAIL_VARIANTS, { message: `must be one of ${THUMBNAIL_VARIANTS.join(', ')}` })
  variant!: ThumbnailVariant;
}

export class AttachMediaDto {
  @ApiProperty({
    example: MEDIA_ID,
    format: 'uuid',
    description: 'A ready image you uploaded for this purpose',
  })
  @IsDefined({ message: 'is required' })
  @IsUUID('all', { message: 'must be a UUID' })
  mediaId!: string;
}

export class ImageLinksBody implements ImageLinks {
  @ApiProperty({ example: `/api/blog/v1/media/${MEDIA_ID}/small`, description: LINK })
  small!: string;
  @ApiProperty({ example: `/api/blog/v1/media/${MEDIA_ID}/large`, description: LINK })
  large!: string;
}

export class ArticleCoverResponse {
  @ApiProperty({ example: 'how-to-train-your-dragon' }) slug!: string;
  @ApiProperty({ type: ImageLinksBody, nullable: true }) coverImage!: ImageLinksBody | null;
}
