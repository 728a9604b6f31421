import type { MailPreferences } from './mail-preferences';

export abstract class MailPreferenceRepository {
  /** null when the user never chose: the defaults apply. */
  abstract find(userId: string): Promise<MailPreferences | null>;
  abstract save(userId: string, preferences: MailPreferences): Promise<void>;
}
