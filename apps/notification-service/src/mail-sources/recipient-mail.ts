import { Injectable } from '@nestjs/common';
import { mailTo, type Recipient } from '../recipients/recipient';
import { RecipientProjection } from '../recipients/recipient-projection';
import { RecipientRepository } from '../recipients/recipient-repository';
import { AwaitingMailRepository, type MailContent } from './awaiting-mail-repository';
import { EventMail, type MailCause } from './event-mail';

/**
 * An email an event asks for to a user it names by id only, addressed from the recipients
 * projection. A disabled or deleted user gets none; mail for a user not introduced yet waits.
 */
@Injectable()
export class RecipientMail {
  constructor(
    private readonly recipients: RecipientRepository,
    private readonly awaiting: AwaitingMailRepository,
    private readonly mail: EventMail,
    projection: RecipientProjection,
  ) {
    projection.onChange((recipient) => this.release(recipient));
  }

  async request(cause: MailCause, userId: string, content: MailContent): Promise<void> {
    await this.awaiting.lock(userId);
    const recipient = await this.recipients.find(userId);
    // Parked, not retried: auth.users may lag far behind blog.articles, past any retry budget, and a retrying handler blocks its partition.
    if (!recipient) return this.awaiting.park({ cause, recipientUserId: userId, content });
    const to = mailTo(recipient);
    if (to) await this.mail.request(cause, { ...content, to });
  }

  /** Sends the mail that waited for this user, or drops it when they get no email. */
  private async release(recipient: Recipient): Promise<void> {
    await this.awaiting.lock(recipient.userId);
    const waiting = await this.awaiting.takeFor(recipient.userId);
    const to = mailTo(recipient);
    if (!to) return;
    for (const { cause, content } of waiting) await this.mail.request(cause, { ...content, to });
  }
}
