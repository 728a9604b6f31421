import type { User } from './user';

export type NewUser = Pick<User, 'id' | 'email' | 'username' | 'passwordHash' | 'createdAt'>;
export type ProfileChanges = Partial<Pick<User, 'email' | 'username' | 'bio' | 'image'>>;

/** Thrown when an email or username already belongs to another account. */
export class AccountFieldTaken extends Error {
  constructor(readonly fields: ('email' | 'username')[]) {
    super(`already taken: ${fields.join(', ')}`);
  }
}

/** Accounts. Every method joins the ambient transaction when one is open. */
export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  /** Matched as usernames are unique: by their uniqueness key. */
  abstract findByUsername(username: string): Promise<User | null>;
  /** Which of these are already used by an account other than `exceptUserId`. */
  abstract takenFields(
    candidate: { email?: string; username?: string },
    exceptUserId?: string,
  ): Promise<('email' | 'username')[]>;
  /** Throws AccountFieldTaken when a concurrent registration won the email or username. */
  abstract create(user: NewUser): Promise<User>;
  /** `emailVerifiedAt: null` when the email changed and must be proven again. */
  abstract updateProfile(
    id: string,
    changes: ProfileChanges & { emailVerifiedAt?: null },
  ): Promise<User>;
  abstract updatePasswordHash(
    id: string,
    passwordHash: string,
    changedAt: Date | null,
  ): Promise<void>;
  abstract markEmailVerified(id: string, at: Date): Promise<User>;
}
