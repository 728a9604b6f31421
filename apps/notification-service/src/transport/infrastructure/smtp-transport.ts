import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import {
  MailTransport,
  PermanentDeliveryFailure,
  TemporaryDeliveryFailure,
  type AcceptedMail,
  type OutgoingMail,
} from '../mail-transport';

/** Whatever nodemailer failed with: an SMTP reply carries its code, a network failure does not. */
interface SmtpError {
  message: string;
  responseCode?: number;
}

/** Sends over SMTP (SMTP_URL) with nodemailer: Mailpit in Compose, a real relay in production. */
export class SmtpTransport extends MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(url: string) {
    super();
    // Short timeouts: a hung server should fail the attempt and let the queue's backoff retry it.
    this.transporter = createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<AcceptedMail> {
    try {
      const info = await this.transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // A stable Message-ID lets a mailbox recognise the same delivery if it ever arrives twice.
        messageId: `<${mail.deliveryId}@notification.capstone>`,
      });
      return { providerMessageId: info.messageId };
    } catch (error) {
      throw classify(error as SmtpError);
    }
  }

  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  // Queue workers stop before this phase (beforeApplicationShutdown), so the emails in hand go out first.
  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

/** RFC 5321: a 5xx reply is a permanent rejection; 4xx and failures to talk at all are transient. */
function classify({ message, responseCode }: SmtpError): Error {
  return responseCode !== undefined && responseCode >= 500
    ? new PermanentDeliveryFailure(message)
    : new TemporaryDeliveryFailure(message);
}
