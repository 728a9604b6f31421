import { Injectable } from '@nestjs/common';
import { MakeThumbnails } from '@capstone/contracts';
import type { Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import { RedisCache } from '@capstone/platform/cache';
import { NotFoundError, RateLimitedError, ValidationError } from '@capstone/platform/http';
import { JobProducer } from '@capstone/platform/queues';
import {
  imageTypes,
  ObjectStorage,
  type ContentPolicy,
  type PresignedDownload,
  type PresignedUpload,
} from '@capstone/platform/storage';
import { v7 as uuidv7 } from 'uuid';
import { Authors } from '../authors/authors';
import type { Environment } from '../config/environment';
import { PrismaService } from '../database/prisma.service';
import type { Media } from '../generated/prisma/client';
import { isStorageError, mediaNotFound, unusableMedia, uploadRefused } from './media-errors';
import {
  mediaLink,
  objectKeys,
  THUMBNAIL_VARIANTS,
  type MediaPurpose,
  type MediaStatus,
  type StoredThumbnails,
  type ThumbnailVariant,
} from './media';

export interface UploadIntent {
  purpose: MediaPurpose;
  contentType: string;
  byteSize: number;
}

export interface RequestedUpload {
  mediaId: string;
  upload: Omit<PresignedUpload, 'expiresAt'>;
  expiresAt: Date;
}

export interface ThumbnailView {
  url: string;
  width: number;
  height: number;
}

/** A media row as its owner sees it. */
export interface MediaView {
  id: string;
  purpose: MediaPurpose;
  status: MediaStatus;
  contentType: string;
  byteSize: number;
  failureReason: string | null;
  thumbnails: Record<ThumbnailVariant, ThumbnailView> | null;
  createdAt: string;
  updatedAt: string;
}

const UPLOAD_TTL_SECONDS = 300;
// Redirect targets outlive the redirect's own cache lifetime (see MediaController) by half an hour.
const DOWNLOAD_TTL_SECONDS = 3_600;
// Unconfirmed uploads one user may ask for in an hour: asking costs nothing, a loop would fill the table.
const PENDING_UPLOADS_PER_HOUR = 20;
const HOUR_MS = 3_600_000;
// Ready is final, so a ready image's thumbnails never change under their cache entry.
const READY_TTL_SECONDS = 3_600;

/**
 * Uploads in two requests, the bytes going straight to object storage: the owner asks for a
 * presigned URL for exactly the file they announce, PUTs it there, and confirms; the confirmed
 * file is checked (size, type, its first bytes) and queued for its thumbnails.
 */
@Injectable()
export class MediaLibrary {
  private readonly policy: ContentPolicy;

  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: ObjectStorage,
    private readonly jobs: JobProducer,
    private readonly authors: Authors,
    private readonly cache: RedisCache,
    config: AppConfig<Environment>,
  ) {
    this.policy = { allowedTypes: imageTypes, maxBytes: config.get('MEDIA_MAX_BYTES') };
  }

  async requestUpload(intent: UploadIntent, caller: Principal): Promise<RequestedUpload> {
    const owner = await this.authors.caller(caller);
    const recent = await this.prisma.media.count({
      where: {
        ownerId: owner.id,
        status: 'pending',
        createdAt: { gt: new Date(Date.now() - HOUR_MS) },
      },
    });
    if (recent >= PENDING_UPLOADS_PER_HOUR) {
      throw new RateLimitedError(
        `At most ${PENDING_UPLOADS_PER_HOUR} uploads may wait for confirmation in an hour; confirm them first`,
        { code: 'too_many_uploads' },
      );
    }
    const mediaId = uuidv7();
    const { expiresAt, ...upload } = await this.presign({
      key: objectKeys.original(mediaId),
      contentType: intent.contentType,
      contentLength: intent.byteSize,
    });
    await this.prisma.media.create({
      data: {
        id: mediaId,
        ownerId: owner.id,
        purpose: intent.purpose,
        objectKey: objectKeys.original(mediaId),
        // As the policy names it: `IMAGE/PNG; x=y` is stored, signed and checked as image/png.
        contentType: upload.headers['content-type'],
        byteSize: intent.byteSize,
      },
    });
    return { mediaId, upload, expiresAt };
  }

  /**
   * The owner says the file is up. A file that is missing, of another size or type, or whose bytes
   * are not the announced image is deleted and the media rejected; a good one is queued. Confirming
   * again is harmless: the job is deduplicated by the media id.
   */
  async confirm(mediaId: string, caller: Principal): Promise<MediaView> {
    const media = await this.owned(mediaId, caller);
    if (media.status === 'rejected') {
      throw new ValidationError([], `This upload was rejected: ${media.failureReason}`, {
        code: 'media_rejected',
      });
    }
    if (media.status === 'pending') {
      try {
        await this.storage.verifyUpload({
          key: media.objectKey,
          contentType: media.contentType,
          contentLength: media.byteSize,
          policy: this.policy,
        });
      } catch (error) {
        if (!isStorageError(error)) throw error;
        await this.prisma.media.updateMany({
          where: { id: media.id, status: 'pending' },
          data: { status: 'rejected', failureReason: error.message },
        });
        throw uploadRefused(error);
      }
      await this.prisma.media.updateMany({
        where: { id: media.id, status: 'pending' },
        data: { status: 'uploaded' },
      });
    }
    // Also for `uploaded`: a confirmation whose enqueue failed is completed by the next one.
    if (media.status !== 'ready') {
      await this.jobs.enqueue(MakeThumbnails, { mediaId: media.id }, { jobId: media.id });
    }
    return viewOf(await this.owned(mediaId, caller));
  }

  async view(mediaId: string, caller: Principal): Promise<MediaView> {
    return viewOf(await this.owned(mediaId, caller));
  }

  /**
   * A fresh presigned URL of one thumbnail of a ready image, for whoever follows its link: avatars
   * and covers are public. Anything not ready is not found.
   */
  async thumbnailDownload(mediaId: string, variant: ThumbnailVariant): Promise<PresignedDownload> {
    const thumbnails = await this.cache.wrap(`media:${mediaId}`, READY_TTL_SECONDS, async () => {
      const media = await this.prisma.media.findUnique({ where: { id: mediaId } });
      return media?.status === 'ready' ? thumbnailsOf(media) : null;
    });
    if (!thumbnails) {
      throw new NotFoundError(`No ready image has the id ${mediaId}`, { code: 'media_not_found' });
    }
    return this.storage.presignDownload(thumbnails[variant].key, {
      expiresInSeconds: DOWNLOAD_TTL_SECONDS,
    });
  }

  /** A ready image of the caller's, for this purpose: what may be attached to an article or profile. */
  async attachable(mediaId: string, ownerId: string, purpose: MediaPurpose): Promise<Media> {
    const media = await this.prisma.media.findUnique({ where: { id: mediaId } });
    if (!media || media.ownerId !== ownerId) {
      throw unusableMedia('media_not_found', `is not an image you uploaded`);
    }
    if (media.purpose !== purpose) {
      throw unusableMedia(
        'media_purpose_mismatch',
        `was uploaded as a ${media.purpose}, not a ${purpose}`,
      );
    }
    if (media.status === 'rejected') {
      throw unusableMedia('media_rejected', `was rejected: ${media.failureReason}`);
    }
    if (media.status !== 'ready') {
      throw unusableMedia('media_not_ready', `is ${media.status}; attach it once it is ready`);
    }
    return media;
  }

  private async owned(mediaId: string, caller: Principal): Promise<Media> {
    const media = await this.prisma.media.findUnique({ where: { id: mediaId } });
    if (!media || media.ownerId !== caller.userId) throw mediaNotFound(mediaId);
    return media;
  }

  private async presign(request: { key: string; contentType: string; contentLength: number }) {
    try {
      return await this.storage.presignUpload({
        ...request,
        policy: this.policy,
        expiresInSeconds: UPLOAD_TTL_SECONDS,
      });
    } catch (error) {
      if (isStorageError(error)) throw uploadRefused(error);
      throw error;
    }
  }
}

/** Written only by MediaProcessing, in this shape. */
function thumbnailsOf(media: Media): StoredThumbnails | null {
  return media.thumbnails === null ? null : (media.thumbnails as StoredThumbnails);
}

function viewOf(media: Media): MediaView {
  const thumbnails = media.status === 'ready' ? thumbnailsOf(media) : null;
  return {
    id: media.id,
    purpose: media.purpose,
    status: media.status,
    contentType: media.contentType,
    byteSize: media.byteSize,
    failureReason: media.failureReason,
    thumbnails:
      thumbnails &&
      (Object.fromEntries(
        THUMBNAIL_VARIANTS.map((variant) => [
          variant,
          {
            url: mediaLink(media.id, variant),
            width: thumbnails[variant].width,
            height: thumbnails[variant].height,
          },
        ]),
      ) as Record<ThumbnailVariant, ThumbnailView>),
    createdAt: media.createdAt.toISOString(),
    updatedAt: media.updatedAt.toISOString(),
  };
}
