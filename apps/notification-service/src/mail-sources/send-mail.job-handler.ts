import { Injectable } from '@nestjs/common';
import { SendMail, type SendMailJob } from '@capstone/contracts';
import { JobHandler, type ProcessesJob } from '@capstone/platform/queues';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DeliveryOutcome } from '../delivery/delivery-metrics';
import { MailDispatcher } from '../delivery/mail-dispatcher';
import { PermanentDeliveryFailure } from '../transport/mail-transport';

/** Every email leaves through the `mail` queue: jobs from other services and the ones events turn into. */
@Injectable()
@JobHandler(SendMail)
export class SendMailJobHandler implements ProcessesJob<typeof SendMail> {
  constructor(private readonly dispatcher: MailDispatcher) {}

  async process(mail: SendMailJob, job: Job): Promise<DeliveryOutcome> {
    const request = {
      ...mail,
      source: { kind: 'job' as const, id: job.id ?? mail.deliveryId },
      requestedAt: new Date(job.timestamp),
    };
    try {
      return await this.dispatcher.dispatch(request, {
        final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      });
    } catch (error) {
      // A rejection the server will repeat ends the job now; anything else is retried with backoff.
      if (error instanceof PermanentDeliveryFailure) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
