import { Module } from '@nestjs/common';
import { BlogModule } from '../blog.module';
import { MakeThumbnailsHandler } from './make-thumbnails.job-handler';
import { MediaAttachments } from './media-attachments';
import { MediaAttachmentsController } from './media-attachments.controller';
import { MediaController } from './media.controller';
import { MediaLibrary } from './media-library';
import { MediaProcessing } from './media-processing';

/**
 * Images for article covers and avatars: uploads straight to object storage, thumbnails made by
 * this service's own `media` queue worker. Needs StorageModule and QueuesModule in the app.
 */
@Module({
  imports: [BlogModule],
  providers: [MediaLibrary, MediaProcessing, MediaAttachments, MakeThumbnailsHandler],
  controllers: [MediaController, MediaAttachmentsController],
})
export class MediaModule {}
