/** The user an `auth.users` event is about, and the account's version after it where it says. */
export interface AccountChange {
  userId: string;
  profileVersion?: number;
}

/** A user as an `auth.users` event describes them: enough to address an email. */
export interface RecipientProfile extends AccountChange {
  email: string;
  username: string;
}

/** No email goes to a disabled or deleted user. */
export type RecipientStatus = 'active' | 'disabled' | 'deleted';

/** What this service knows of a user, kept in step with `auth.users`. */
export interface Recipient {
  userId: string;
  status: RecipientStatus;
  /** Unknown for a user first heard of as disabled, and erased once the user is deleted. */
  address: { email: string; username: string } | null;
  /** The newest account version applied, when the events carried one. */
  profileVersion: number | null;
}

/** A `mail` job's `to` for this recipient, or null for a user who gets no email. */
export function mailTo(
  recipient: Recipient,
): { userId: string; email: string; username: string } | null {
  if (recipient.status !== 'active' || !recipient.address) return null;
  return { userId: recipient.userId, ...recipient.address };
}

/**
 * The recipient once this profile is applied: the same one when the profile is older than what is
 * known, or the user is deleted (nothing brings a deleted user's address back).
 */
export function withProfile(current: Recipient | null, profile: RecipientProfile): Recipient {
  const address = { email: profile.email, username: profile.username };
  if (!current) return { ...introduced(profile), status: 'active', address };
  if (current.status === 'deleted' || isOlder(profile, current)) return current;
  return { ...current, address, profileVersion: newest(profile, current) };
}

/** auth.users has no event for re-enabling an account yet, so a disabled recipient stays disabled. */
export function disabled(current: Recipient | null, change: AccountChange): Recipient {
  if (!current) return { ...introduced(change), status: 'disabled', address: null };
  if (current.status !== 'active' || isOlder(change, current)) return current;
  return { ...current, status: 'disabled', profileVersion: newest(change, current) };
}

/** Only the fact that the user is gone is kept, never who they were; an erasure is honoured whatever its version. */
export function deleted(current: Recipient | null, change: AccountChange): Recipient {
  if (current?.status === 'deleted') return current;
  return { ...introduced(change), status: 'deleted', address: null };
}

function introduced({ userId, profileVersion }: AccountChange) {
  return { userId, profileVersion: profileVersion ?? null };
}

// A change without a version (recorded before auth-service stamped them) is taken in Kafka's per-user order.
function isOlder({ profileVersion }: AccountChange, known: Recipient): boolean {
  return (
    profileVersion !== undefined &&
    known.profileVersion !== null &&
    profileVersion < known.profileVersion
  );
}

function newest({ profileVersion }: AccountChange, known: Recipient): number | null {
  return profileVersion ?? known.profileVersion;
}
