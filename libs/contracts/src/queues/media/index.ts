import { z } from 'zod';
import { defineJob, type JobPayloadOf } from '../../job-contract';

/**
 * `media`: work on images uploaded to blog-service. Only the media id travels: the worker reads
 * the row, so a job enqueued twice or run after the media changed acts on what is true now.
 */
export const MEDIA_QUEUE = 'media';

/** Resize a confirmed upload into its thumbnails; enqueued with the media id as its job id. */
export const MakeThumbnails = defineJob({
  queue: MEDIA_QUEUE,
  name: 'make-thumbnails',
  schema: z.object({ mediaId: z.uuid() }),
});

export type MakeThumbnailsJob = JobPayloadOf<typeof MakeThumbnails>;
