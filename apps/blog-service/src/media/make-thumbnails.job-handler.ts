import { Injectable } from '@nestjs/common';
import { MakeThumbnails, type MakeThumbnailsJob } from '@capstone/contracts';
import { JobHandler, type ProcessesJob } from '@capstone/platform/queues';
import type { Job } from 'bullmq';
import { MediaProcessing } from './media-processing';

@JobHandler(MakeThumbnails)
@Injectable()
export class MakeThumbnailsHandler implements ProcessesJob<typeof MakeThumbnails> {
  constructor(private readonly processing: MediaProcessing) {}

  process({ mediaId }: MakeThumbnailsJob, job: Job): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.processing.makeThumbnails(mediaId, { lastAttempt });
  }
}
