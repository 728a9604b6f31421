import type { SendMailJob } from '@capstone/contracts';
import type { MailCause } from './event-mail';

type WithoutAddress<TJob> = TJob extends unknown ? Omit<TJob, 'deliveryId' | 'to'> : never;

/** A `mail` job's template and variables: what an event asks to say, before anyone is addressed. */
export type MailContent = WithoutAddress<SendMailJob>;

/** An email an event asked for before `auth.users` introduced the user it is for. */
export interface AwaitingMail {
  cause: MailCause;
  recipientUserId: string;
  content: MailContent;
}

/** Mail waiting for its recipient. Every method joins the ambient transaction, which it requires. */
export abstract class AwaitingMailRepository {
  /**
   * Holds, until commit, every transaction that parks or takes mail for this user. Without it, mail
   * parked while the user's introduction commits would find no recipient and never be taken.
   */
  abstract lock(userId: string): Promise<void>;
  /** Parks the mail; parking the same event's mail again is a no-op. */
  abstract park(mail: AwaitingMail): Promise<void>;
  /** Removes and returns the mail waiting for this user, oldest event first. */
  abstract takeFor(userId: string): Promise<AwaitingMail[]>;
}
