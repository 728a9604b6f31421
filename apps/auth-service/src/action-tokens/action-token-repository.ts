export type ActionPurpose = 'email_verification' | 'password_reset';

export interface NewActionToken {
  id: string;
  userId: string;
  purpose: ActionPurpose;
  digest: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Single-use link secrets, stored as digests. Every method joins the ambient transaction when one is open. */
export abstract class ActionTokenRepository {
  abstract create(token: NewActionToken): Promise<void>;
  /** The user of an unused, unexpired token; null otherwise. Reads only: nothing is spent. */
  abstract findUsable(digest: string, purpose: ActionPurpose, at: Date): Promise<string | null>;
  /**
   * Marks the token used if it is unused and unexpired, and returns its user; null otherwise.
   * One statement, so two clicks on one link cannot both succeed.
   */
  abstract consume(digest: string, purpose: ActionPurpose, at: Date): Promise<string | null>;
  /** Voids the user's other open links of this purpose once one has been used. */
  abstract voidOpen(userId: string, purpose: ActionPurpose, at: Date): Promise<void>;
}
