import type { Recipient } from './recipient';

/** The recipients projection. Every method joins the ambient transaction when one is open. */
export abstract class RecipientRepository {
  /** null for a user `auth.users` has not introduced (yet). */
  abstract find(userId: string): Promise<Recipient | null>;
  /** Writes the recipient whole, whether it is new or known. */
  abstract save(recipient: Recipient): Promise<void>;
}
