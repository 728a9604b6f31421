import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '@capstone/platform/http';
import { uniquenessKey } from './user';

export const PASSWORD_MIN_LENGTH = 8;
// NIST 800-63B asks for at least 64; the cap bounds what one login can make argon2 hash.
export const PASSWORD_MAX_LENGTH = 128;

// zxcvbn-ts's list of the most common leaked passwords, lower-cased, as a set for O(1) look-ups.
const commonPasswords = new Set(
  dictionary['passwords-common'].map((password) => password.toLowerCase()),
);

/** How much of the policy an API applies; the RealWorld contract takes only the window (ADR 0007). */
export enum PasswordPolicy {
  Full = 'full',
  LengthOnly = 'length-only',
}

/**
 * NIST SP 800-63B §3.1.1.2 and ASVS 6.2: a length window, no composition rules, and a refusal of
 * passwords an attacker tries first (common ones, or the account's own email or username).
 */
export function passwordProblems(
  password: string,
  account: { email?: string; username?: string },
  field = 'password',
  policy = PasswordPolicy.Full,
): FieldError[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return [problem(field, 'too_short', `must be at least ${PASSWORD_MIN_LENGTH} characters`)];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return [problem(field, 'too_long', `must be at most ${PASSWORD_MAX_LENGTH} characters`)];
  }
  if (policy === PasswordPolicy.LengthOnly) return [];
  const key = uniquenessKey(password);
  if (commonPasswords.has(key)) {
    return [problem(field, 'too_common', 'is too common; choose a less predictable password')];
  }
  const identifiers = [account.email, account.username].filter((value) => value !== undefined);
  if (identifiers.some((identifier) => uniquenessKey(identifier) === key)) {
    return [problem(field, 'matches_account', 'must not be your email or username')];
  }
  return [];
}

function problem(field: string, code: string, message: string): FieldError {
  return { field, code, message };
}
