import type { SendMailJob } from '@capstone/contracts';
import type { DeliverySource } from './delivery';

/** A `mail` job's payload, plus where it came from and when it was asked for. */
export type MailRequest = SendMailJob & {
  source: DeliverySource;
  /** The job's or the event's creation time: send latency is measured from here. */
  requestedAt: Date;
};
