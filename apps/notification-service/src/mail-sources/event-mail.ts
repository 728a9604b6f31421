import { Injectable } from '@nestjs/common';
import { SendMail, type EventEnvelope, type SendMailJob } from '@capstone/contracts';
import { JobProducer } from '@capstone/platform/queues';
import { v5 as uuidv5 } from 'uuid';
import { DeliveryRepository } from '../delivery/delivery-repository';

/** The event an email answers: its id names the delivery, its time starts the send latency. */
export type MailCause = Pick<EventEnvelope, 'id' | 'occurredAt'>;

/** Names the deliveries derived from events, so one event and template always give the same delivery id. */
const EVENT_DELIVERY_NAMESPACE = '6f1d8a52-3c1e-4f0b-9a57-2d4c8e1b7a90';

/**
 * How a domain event becomes an email: the delivery is recorded in the consumer's transaction,
 * with the event as its source, and a `mail` job with a delivery id derived from the event id is
 * enqueued. A redelivered event derives the same id, so neither the row nor the job is added twice.
 */
@Injectable()
export class EventMail {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly jobs: JobProducer,
  ) {}

  async request(event: MailCause, mail: Omit<SendMailJob, 'deliveryId'>): Promise<void> {
    const deliveryId = uuidv5(`${event.id}/${mail.template}`, EVENT_DELIVERY_NAMESPACE);
    const job = { ...mail, deliveryId } as SendMailJob;
    await this.deliveries.record({
      ...job,
      source: { kind: 'event', id: event.id },
      requestedAt: new Date(event.occurredAt),
    });
    // Enqueued inside the transaction: should it roll back, the job records the delivery itself and
    // the event's redelivery finds that row and the same job id, so the email still goes out once.
    await this.jobs.enqueue(SendMail, job, { jobId: deliveryId });
  }
}
