export interface MailboxMessage {
  deliveryId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: Date;
}

export interface MailboxSearch {
  to?: string;
  limit: number;
}

/** Development only: the inbox that catches every email when no SMTP server is configured. */
export abstract class DevelopmentMailbox {
  /** Keeps the message; the same delivery twice is kept once. */
  abstract receive(message: Omit<MailboxMessage, 'receivedAt'>): Promise<void>;
  /** Newest first. */
  abstract search(search: MailboxSearch): Promise<MailboxMessage[]>;
}
