import { Injectable, Logger } from '@nestjs/common';
import { ObjectStorage, StorageErrorCode } from '@capstone/platform/storage';
import { PrismaService } from '../database/prisma.service';
import { objectKeys, type StoredThumbnails } from './media';
import { isStorageError } from './media-errors';
import { renderThumbnails, UnreadableImageError } from './thumbnails';

/**
 * What the `make-thumbnails` job does with a confirmed upload: download it, render its thumbnails,
 * upload them and mark the media ready. A file that cannot be decoded is rejected at once; only
 * failures that may pass (the store or the database unreachable) are thrown, so the job retries.
 */
@Injectable()
export class MediaProcessing {
  private readonly logger = new Logger(MediaProcessing.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: ObjectStorage,
  ) {}

  /** `lastAttempt`: a failure now is final, so the media is rejected rather than left uploaded. */
  async makeThumbnails(mediaId: string, { lastAttempt }: { lastAttempt: boolean }): Promise<void> {
    const media = await this.prisma.media.findUnique({ where: { id: mediaId } });
    // Already ready or rejected (a job run twice), or never confirmed: nothing to do.
    if (media?.status !== 'uploaded') return;
    try {
      const original = await this.storage.getBuffer(media.objectKey);
      const rendered = await renderThumbnails(original, media.purpose);
      await Promise.all(
        rendered.map(({ variant, bytes, contentType }) =>
          this.storage.put(objectKeys.thumbnail(media.id, variant), bytes, { contentType }),
        ),
      );
      const thumbnails = Object.fromEntries(
        rendered.map(({ variant, width, height }) => [
          variant,
          { key: objectKeys.thumbnail(media.id, variant), width, height },
        ]),
      ) as StoredThumbnails;
      await this.prisma.media.updateMany({
        where: { id: media.id, status: 'uploaded' },
        data: { status: 'ready', thumbnails },
      });
    } catch (error) {
      if (error instanceof UnreadableImageError) {
        // Nothing unreadable is kept: the original goes, as a file that failed its upload check does.
        await this.storage.delete(media.objectKey);
        return this.reject(media.id, error.message);
      }
      if (isStorageError(error, StorageErrorCode.ObjectNotFound)) {
        return this.reject(media.id, 'the uploaded file is gone');
      }
      if (lastAttempt) await this.reject(media.id, 'its thumbnails could not be made');
      throw error;
    }
  }

  private async reject(mediaId: string, reason: string): Promise<void> {
    this.logger.warn(`media ${mediaId} rejected: ${reason}`);
    await this.prisma.media.updateMany({
      where: { id: mediaId, status: 'uploaded' },
      data: { status: 'rejected', failureReason: reason },
    });
  }
}
