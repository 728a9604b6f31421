import {
  MailTransport,
  TemporaryDeliveryFailure,
  type AcceptedMail,
  type OutgoingMail,
} from '../transport/mail-transport';
import type { DevelopmentMailbox } from './development-mailbox';

/** The transport used in development without SMTP_URL: every email lands in the development mailbox. */
export class MailboxTransport extends MailTransport {
  constructor(private readonly mailbox: DevelopmentMailbox) {
    super();
  }

  async send(mail: OutgoingMail): Promise<AcceptedMail> {
    try {
      await this.mailbox.receive(mail);
    } catch (error) {
      throw new TemporaryDeliveryFailure(
        `the development mailbox could not store the message: ${(error as Error).message}`,
      );
    }
    return { providerMessageId: `mailbox:${mail.deliveryId}` };
  }

  // The mailbox is the service's own database, which readiness already checks.
  async verify(): Promise<void> {
    return undefined;
  }
}
